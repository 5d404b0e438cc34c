import { describe, expect, it } from 'vitest'
import { APP_ORIGIN, isAtOrigin, isDevelopment, originOf, rendererLocation } from './app-origin'

describe('originOf', () => {
  it('gives our custom scheme a real origin, where Node’s URL says "null"', () => {
    expect(new URL('app://renderer/index.html').origin).toBe('null')
    expect(originOf('app://renderer/index.html')).toBe(APP_ORIGIN)
    expect(originOf('http://localhost:5173/src/main.ts')).toBe('http://localhost:5173')
  })

  it('has no origin for file:, data:, about: or unparsable URLs', () => {
    for (const url of [
      'file:///etc/passwd',
      'data:text/html,x',
      'about:blank',
      '::',
      'javascript:alert(1)',
    ]) {
      expect(originOf(url)).toBeNull()
    }
  })

  it('compares hosts exactly, not as prefixes', () => {
    expect(isAtOrigin('app://renderer.evil.example/', APP_ORIGIN)).toBe(false)
    expect(isAtOrigin('app://renderer/assets/index.js', APP_ORIGIN)).toBe(true)
  })
})

describe('rendererLocation', () => {
  it('serves the built renderer from the app scheme by default', () => {
    expect(rendererLocation({ devServerUrl: undefined, packaged: false })).toEqual({
      url: 'app://renderer/index.html',
      origin: APP_ORIGIN,
      devServer: false,
    })
  })

  it('uses electron-vite’s dev server on loopback in an unpackaged build, trusting only its origin', () => {
    expect(rendererLocation({ devServerUrl: 'http://localhost:5173/', packaged: false })).toEqual({
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
      devServer: true,
    })
  })

  it('ignores the variable in a packaged app, and for anything but http on loopback', () => {
    for (const [devServerUrl, packaged] of [
      ['http://localhost:5173/', true],
      ['https://evil.example/', false],
      ['http://192.168.1.10:5173/', false],
      ['file:///tmp/index.html', false],
      ['not a url', false],
    ] as const) {
      expect(rendererLocation({ devServerUrl, packaged }).origin).toBe(APP_ORIGIN)
    }
  })
})

describe('isDevelopment', () => {
  it('is true only for an unpackaged build under the dev server or NODE_ENV=development', () => {
    expect(isDevelopment({ packaged: false, devServer: true, nodeEnv: undefined })).toBe(true)
    expect(isDevelopment({ packaged: false, devServer: false, nodeEnv: 'development' })).toBe(true)
    expect(isDevelopment({ packaged: false, devServer: false, nodeEnv: undefined })).toBe(false)
    expect(isDevelopment({ packaged: true, devServer: true, nodeEnv: 'development' })).toBe(false)
  })
})
