import { describe, expect, it } from 'vitest'
import { TokenBook } from '../../fake-api/tokens'
import { redact, REDACTED } from './redact'

// Shaped as api.video's: a JWT access token and a `def50200…` refresh token from the fake's token book, an
// API key of 43 letters and digits, and the fake server's base64url key.
const issued = new TokenBook(() => 1_700_000_000_000).issue('key', 3600)
const ACCESS_TOKEN = issued.accessToken
const REFRESH_TOKEN = issued.refreshToken
const API_KEY = 'Xo9v3PZ1bQf2TqW7kLm4Nc8Rs5Yh6Ud0Ja3Ge2Vi9Kp'
const FAKE_KEY = 'q3-Vd_8sLw0ZpR2kYt7nBx4mJc6hGf1a'
const ENDPOINT_SECRET = 'hM4rT9xKq2Lw7Zp0Vn5Bc8Yd3Fg6Js1Ra-Ue_Ti9Ow'

describe('redact', () => {
  it.each([
    ['a JWT access token', 'refresh failed with ', ACCESS_TOKEN, ' held'],
    ['the start of a JWT', 'unknown command "', ACCESS_TOKEN.slice(0, 40), '"'],
    ['a refresh token', 'api.video refused ', REFRESH_TOKEN, '.'],
    ['an api.video API key', 'signing in with ', API_KEY, ' failed'],
    ['the fake server’s API key', 'key ', FAKE_KEY, ' is not valid'],
    ['a local endpoint’s URL secret', 'GET http://127.0.0.1:8080/', ENDPOINT_SECRET, '/videos'],
  ])('replaces %s and keeps the words around it', (_, before, secret, after) => {
    expect(redact(`${before}${secret}${after}`)).toBe(`${before}${REDACTED}${after}`)
  })

  it('replaces the value after Bearer, whatever its shape', () => {
    expect(redact(`sent Bearer ${ACCESS_TOKEN} to api.video`)).toBe(`sent Bearer ${REDACTED} to api.video`)
    expect(redact('header bearer abc-123.x')).toBe(`header bearer ${REDACTED}`)
    expect(redact('a bearer token cannot have these characters')).toBe(
      'a bearer token cannot have these characters',
    )
  })

  it('replaces the values of Authorization and cookie headers, in every way they get written', () => {
    expect(redact('Authorization: Basic a2V5LTE6')).toBe(`Authorization: ${REDACTED}`)
    expect(redact("{ authorization: 'Bearer abc', host: 'ws.api.video' }")).toBe(
      `{ authorization: '${REDACTED}', host: 'ws.api.video' }`,
    )
    expect(redact('{"Authorization":"Basic a2V5LTE6","Accept":"application/json"}')).toBe(
      `{"Authorization":"${REDACTED}","Accept":"application/json"}`,
    )
    expect(redact('Cookie: session=abc; theme=dark')).toBe(`Cookie: ${REDACTED}`)
    expect(redact("'set-cookie': [ 'sid=xyz; Path=/' ]")).toBe(`'set-cookie': ${REDACTED}`)
    expect(redact('proxy-authorization = Basic Zm9v')).toBe(`proxy-authorization = ${REDACTED}`)
  })

  it('replaces the values of fields named for a secret, even short ones', () => {
    expect(redact('{"apiKey":"key-1","name":"acme"}')).toBe(`{"apiKey":"${REDACTED}","name":"acme"}`)
    expect(redact("{ refreshToken: 'r1', expiresIn: 3600 }")).toBe(
      `{ refreshToken: '${REDACTED}', expiresIn: 3600 }`,
    )
    expect(redact('access_token=abc')).toBe(`access_token=${REDACTED}`)
    expect(redact('x-api-key: k')).toBe(`x-api-key: ${REDACTED}`)
  })

  it('replaces the credentials of a URL and keeps the rest of it', () => {
    expect(redact('fetch https://key-1:@ws.api.video/videos failed')).toBe(
      `fetch https://${REDACTED}@ws.api.video/videos failed`,
    )
  })

  it('keeps ordinary words, profile names, ids, URLs without secrets, numbers and stack frames', () => {
    const text = [
      'Could not reach ws.api.video: connect ECONNREFUSED 127.0.0.1:443 after 3 attempts (status 503).',
      'Profile "Acme Prod" and My Project 2 (3f9c2a1e-7b4d-4c8a-9e2f-1a2b3c4d5e6f), fingerprint 3f2a9c1b.',
      'GET https://sandbox.api.video/videos?currentPage=2&pageSize=25 → 200 in 1712345678901234567890123456789012 ms',
      'Video vi4k0jvEUuaTdRAEjQ4Jfrgz; kinds profiles-file-too-new and endpoint-upstream-changed-while-starting.',
      'Enter the API key of the api.video project; the Authorization header and cookies are dropped.',
      'rememberApiKey: true, invalid request (at apiKey): expected string',
      '    at Session.refresh (/work/main/out/main/index.js:1234:56)',
      '    at async CredentialService.getToken (file:///work/main/out/main/chunks/service-BxK2.js:77:9)',
    ].join('\n')
    expect(redact(text)).toBe(text)
  })
})
