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

  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.4.5.6', '127.255.255.255', '[::1]', '::1'])(
    'takes %s for loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true)
    },
  )

  it.each([
    'example.com',
    '10.0.0.1',
    '::2',
    '128.0.0.1',
    '127.0.0.256',
    'localhost.example.com',
    // Outside systemd-resolved, *.localhost and "localhost." may be asked of DNS.
    'app.localhost',
    'a.b.localhost',
    'localhost.',
    // IPv4-mapped loopback reaches 127.0.0.1 only on a dual-stack socket: refused, one form per address.
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '[0:0:0:0:0:ffff:7f00:1]',
    '[::]',
    '0.0.0.0',
  ])('does not take %s for loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(false)
  })

  it.each([
    'http://app.localhost:3000',
    'http://[::ffff:127.0.0.1]:8787',
    'http://localhost.:3000',
    'http://0.0.0.0:8787',
  ])('refuses plain http to %s', (input) => {
    expect(() => parseEnvironment(input)).toThrow(/plain http:\/\/ is allowed only to this computer/)
  })

  it('accepts 127.0.0.0/8 however the URL spells it', () => {
    expect(parseEnvironment('http://127.1:8787')).toEqual({
      kind: 'custom',
      baseUrl: 'http://127.0.0.1:8787',
    })
    expect(parseEnvironment('http://0x7f.0.0.1')).toEqual({ kind: 'custom', baseUrl: 'http://127.0.0.1' })
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
