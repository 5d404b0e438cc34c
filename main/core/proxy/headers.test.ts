import { describe, expect, it } from 'vitest'
import { clientResponseHeaders, upstreamRequestHeaders } from './headers'

const pairs = (flat: readonly string[]) =>
  Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]])

describe('upstreamRequestHeaders', () => {
  it('drops hop-by-hop headers, the client’s credentials and cookies; sets Host and the bearer', () => {
    const raw = [
      'Host',
      '127.0.0.1:4321',
      'Authorization',
      'Basic a2V5Og==',
      'authorization',
      'Bearer client-token',
      'Proxy-Authorization',
      'Basic eDp5',
      'Cookie',
      'session=other-local-app',
      'Connection',
      'keep-alive, X-Secret-Hop',
      'X-Secret-Hop',
      'gone',
      'Keep-Alive',
      'timeout=5',
      'Transfer-Encoding',
      'chunked',
      'TE',
      'trailers',
      'Trailer',
      'X-Checksum',
      'Upgrade',
      'websocket',
      'Proxy-Connection',
      'keep-alive',
      'Expect',
      '100-continue',
      'Content-Type',
      'application/json',
      'Content-Length',
      '12',
      'Accept',
      'application/json',
      'Accept',
      'text/plain',
      'AV-Origin-Client',
      'nodejs:2.6.8',
    ]
    expect(pairs(upstreamRequestHeaders(raw, 'ws.api.video', 'eyJ.token'))).toEqual([
      ['Host', 'ws.api.video'],
      ['Content-Type', 'application/json'],
      ['Content-Length', '12'],
      ['Accept', 'application/json'],
      ['Accept', 'text/plain'],
      ['AV-Origin-Client', 'nodejs:2.6.8'],
      ['Authorization', 'Bearer eyJ.token'],
    ])
  })

  it('keeps an empty header list empty but for Host and the bearer', () => {
    expect(upstreamRequestHeaders([], 'sandbox.api.video', 't')).toEqual([
      'Host',
      'sandbox.api.video',
      'Authorization',
      'Bearer t',
    ])
  })
})

describe('clientResponseHeaders', () => {
  it('passes upstream’s headers through, less hop-by-hop ones, cookies and Alt-Svc', () => {
    const raw = [
      'Content-Type',
      'application/problem+json',
      'Content-Length',
      '120',
      'Connection',
      'close, X-Hop',
      'X-Hop',
      '1',
      'Transfer-Encoding',
      'chunked',
      'Keep-Alive',
      'timeout=5',
      'Set-Cookie',
      '__cf_bm=abc; Domain=api.video',
      'Alt-Svc',
      'h3=":443"',
      'X-RateLimit-Remaining',
      '99',
      'Vary',
      'Origin',
      'Vary',
      'Accept-Encoding',
      'Content-Encoding',
      'gzip',
    ]
    expect(pairs(clientResponseHeaders(raw))).toEqual([
      ['Content-Type', 'application/problem+json'],
      ['Content-Length', '120'],
      ['X-RateLimit-Remaining', '99'],
      ['Vary', 'Origin'],
      ['Vary', 'Accept-Encoding'],
      ['Content-Encoding', 'gzip'],
    ])
  })
})
