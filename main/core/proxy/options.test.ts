import { describe, expect, it } from 'vitest'
import { checkHost, checkPort, parseOrigins, parseUpstream } from './options'

describe('proxy options', () => {
  it('accepts 127.0.0.1 only as the address', () => {
    expect(() => checkHost(undefined)).not.toThrow()
    expect(() => checkHost('127.0.0.1')).not.toThrow()
    for (const host of ['0.0.0.0', 'localhost', '::1', '::', '192.168.1.2', '127.0.0.2']) {
      expect(() => checkHost(host), host).toThrow(/listens on 127\.0\.0\.1 only/)
    }
  })

  it('accepts ports 0 to 65535', () => {
    expect(checkPort(undefined)).toBe(0)
    expect(checkPort(8080)).toBe(8080)
    for (const port of [-1, 65_536, 1.5, Number.NaN]) expect(() => checkPort(port)).toThrow(/whole number/)
  })

  it('normalises origins and refuses anything that is not one', () => {
    expect([...parseOrigins(['http://LOCALHOST:5173', 'https://app.example.com:443'])]).toEqual([
      'http://localhost:5173',
      'https://app.example.com',
    ])
    for (const bad of [
      'localhost:5173',
      'http://a.example/',
      'http://a.example/x',
      'file:///x',
      'null',
      '*',
    ]) {
      expect(() => parseOrigins([bad]), bad).toThrow(/is not an origin/)
    }
  })

  it('takes an http(s) upstream with a path, nothing else', () => {
    expect(parseUpstream('https://ws.api.video').href).toBe('https://ws.api.video/')
    expect(parseUpstream('http://127.0.0.1:9/api').pathname).toBe('/api')
    for (const bad of ['ftp://x', 'https://u:p@x', 'https://x/?a', 'nope']) {
      expect(() => parseUpstream(bad), bad).toThrow()
    }
  })
})
