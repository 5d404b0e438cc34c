import { describe, expect, it } from 'vitest'
import { admit, pathAfterSecret, type AdmissionPolicy, type RequestHead } from './admission'

const secret = 'Zr8pQ2x_9vYt-3kLmN0aBcDeFgHiJkLmNoPqRsTuVwX'
const policy: AdmissionPolicy = {
  secret,
  port: 4321,
  allowOrigins: new Set(['http://localhost:5173']),
}
const head = (overrides: Partial<RequestHead> = {}): RequestHead => ({
  url: `/${secret}/videos?currentPage=1`,
  host: '127.0.0.1:4321',
  origin: undefined,
  fetchSite: undefined,
  ...overrides,
})

describe('admit', () => {
  it('lets in a request with the secret, this Host and no Origin, and strips the secret', () => {
    expect(admit(head(), policy)).toEqual({ admitted: true, path: '/videos?currentPage=1' })
    expect(admit(head({ host: 'LOCALHOST:4321' }), policy)).toMatchObject({ admitted: true })
  })

  it.each([
    ['a rebound name', 'attacker.example:4321'],
    ['another port', '127.0.0.1:4322'],
    ['no port', '127.0.0.1'],
    ['IPv6 loopback (not bound)', '[::1]:4321'],
    ['no Host at all', undefined],
  ])('refuses %s as Host with 421', (_, host) => {
    expect(admit(head({ host }), policy)).toMatchObject({ admitted: false, status: 421 })
  })

  it.each([
    ['no secret', '/videos'],
    ['a wrong secret', `/${secret.slice(0, -1)}Y/videos`],
    ['a longer segment', `/${secret}x/videos`],
    ['the secret later in the path', `/videos/${secret}/`],
    ['the secret in the query', `/?${secret}`],
    ['an absolute-form target', `http://127.0.0.1:4321/${secret}/videos`],
    ['an asterisk target', '*'],
    ['nothing', ''],
  ])('refuses %s with 403', (_, url) => {
    expect(admit(head({ url }), policy)).toMatchObject({ admitted: false, status: 403 })
  })

  it('checks the Host before the secret, so a rebound page learns nothing about the secret', () => {
    expect(admit(head({ url: '/nope', host: 'evil.example:4321' }), policy)).toMatchObject({ status: 421 })
  })

  it('refuses an Origin that is not listed, and lets a listed one in', () => {
    expect(admit(head({ origin: 'https://evil.example' }), policy)).toMatchObject({
      admitted: false,
      status: 403,
      reason: 'Requests from https://evil.example are not allowed here.',
    })
    expect(admit(head({ origin: 'null' }), policy)).toMatchObject({ admitted: false, status: 403 })
    expect(admit(head({ origin: 'http://localhost:5173/' }), policy)).toMatchObject({ admitted: false })
    expect(admit(head({ origin: 'http://localhost:5173', fetchSite: 'cross-site' }), policy)).toMatchObject({
      admitted: true,
    })
  })

  it('refuses a browser’s cross-site request that carries no Origin (an <img>, a <script>)', () => {
    for (const fetchSite of ['cross-site', 'same-site']) {
      expect(admit(head({ fetchSite }), policy)).toMatchObject({ admitted: false, status: 403 })
    }
    for (const fetchSite of ['none', 'same-origin', undefined]) {
      expect(admit(head({ fetchSite }), policy)).toMatchObject({ admitted: true })
    }
  })

  it('keeps control characters of an Origin out of its reason', () => {
    const result = admit(head({ origin: 'https://a\u0007b' }), policy)
    expect(result).toMatchObject({ reason: 'Requests from https://a?b are not allowed here.' })
  })
})

describe('pathAfterSecret', () => {
  it.each([
    [`/${secret}`, '/'],
    [`/${secret}/`, '/'],
    [`/${secret}?a=1`, '/?a=1'],
    [`/${secret}/videos`, '/videos'],
    [`/${secret}//videos`, '/videos'],
    [`/${secret}///videos/x//y?z=/`, '/videos/x//y?z=/'],
    [`/${secret}/videos/vi123/source`, '/videos/vi123/source'],
  ])('%s → %s', (target, path) => {
    expect(pathAfterSecret(target, secret)).toBe(path)
  })

  it('is undefined without the secret', () => {
    expect(pathAfterSecret('/', secret)).toBeUndefined()
    expect(pathAfterSecret(`/${secret.toLowerCase()}/`, secret)).toBeUndefined()
    expect(pathAfterSecret(`/${encodeURIComponent('é')}/`, secret)).toBeUndefined()
  })
})
