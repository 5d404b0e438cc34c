import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors'
import { parseApiKey } from './api-key'
import { baseUrlOf, environmentLabel, isLoopbackHost, parseEnvironment } from './environment'

describe('parseEnvironment', () => {
  it.each([
    ['production', { kind: 'production' }],
    ['  Sandbox ', { kind: 'sandbox' }],
    ['https://ws.api.video/', { kind: 'production' }],
    ['https://sandbox.api.video', { kind: 'sandbox' }],
    [
      'https://proxy.example.com/apivideo/',
      { kind: 'custom', baseUrl: 'https://proxy.example.com/apivideo' },
    ],
    ['http://127.0.0.1:8787', { kind: 'custom', baseUrl: 'http://127.0.0.1:8787' }],
    ['http://localhost:3000', { kind: 'custom', baseUrl: 'http://localhost:3000' }],
    ['http://[::1]:9000', { kind: 'custom', baseUrl: 'http://[::1]:9000' }],
  ])('%s', (input, expected) => {
    expect(parseEnvironment(input)).toEqual(expected)
  })

  it.each([
    ['http://api.example.com', /plain http:\/\/ is allowed only to this computer/],
    ['http://10.0.0.1', /plain http:\/\/ is allowed only/],
    ['ftp://example.com', /must start with https:\/\//],
    ['https://user:pass@example.com', /user name or password/],
    ['https://example.com/?x=1', /query/],
    ['https://example.com/#top', /fragment/],
    ['staging', /neither "production", "sandbox" nor a URL/],
    ['', /neither/],
  ])('refuses %s', (input, message) => {
    expect(() => parseEnvironment(input)).toThrow(InvalidInputError)
    expect(() => parseEnvironment(input)).toThrow(message)
  })
})

describe('labels and base URLs', () => {
  it('gives each environment its base URL and a short label', () => {
    expect(baseUrlOf({ kind: 'production' })).toBe('https://ws.api.video')
    expect(baseUrlOf({ kind: 'sandbox' })).toBe('https://sandbox.api.video')
    const custom = { kind: 'custom', baseUrl: 'https://proxy.example.com:8443/a' } as const
    expect(baseUrlOf(custom)).toBe('https://proxy.example.com:8443/a')
    expect(environmentLabel(custom)).toBe('proxy.example.com:8443')
    expect(environmentLabel({ kind: 'sandbox' })).toBe('sandbox')
  })

  it('knows loopback hosts', () => {
    expect(['localhost', '127.0.0.1', '127.4.5.6', '[::1]', 'app.localhost'].every(isLoopbackHost)).toBe(true)
    expect(
      ['example.com', '10.0.0.1', '::2', '128.0.0.1', 'localhost.example.com'].some(isLoopbackHost),
    ).toBe(false)
  })
})

describe('parseApiKey', () => {
  it('trims what was pasted', () => {
    expect(parseApiKey('  abcDEF123\n')).toBe('abcDEF123')
  })
  it.each([
    ['', /Enter the API key/],
    ['two words', /one word/],
    ['x'.repeat(513), /too long/],
  ])('refuses %j without repeating it', (input, message) => {
    expect(() => parseApiKey(input)).toThrow(message)
    try {
      parseApiKey(input)
    } catch (error) {
      if (input !== '') expect((error as Error).message).not.toContain(input)
    }
  })
})
