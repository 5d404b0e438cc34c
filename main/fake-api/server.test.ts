import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeApiVideo, type FakeApiVideo } from './server'

let fake: FakeApiVideo
const now = { value: 1_700_000_000_000 }

beforeEach(async () => {
  now.value = 1_700_000_000_000
  fake = await startFakeApiVideo({ apiKeys: ['key-1'], clock: { now: () => now.value } })
})
afterEach(() => fake.close())

const post = (path: string, body: unknown) =>
  fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
const signIn = async (apiKey = 'key-1') => {
  const response = await post('/auth/api-key', { apiKey })
  return (await response.json()) as { access_token: string; refresh_token: string; expires_in: number }
}
const videos = (token: string, query = 'currentPage=1&pageSize=10') =>
  fetch(`${fake.url}/videos?${query}`, { headers: { Authorization: `Bearer ${token}` } })

const DOCUMENTED_400 = {
  type: 'https://docs.api.video/reference/authentication-invalid-user-credentials',
  title: 'The user credentials were incorrect.',
  name: '',
  status: 400,
}

describe('auth', () => {
  it('listens on loopback on a free port, and refuses any other interface', async () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(fake.port).toBeGreaterThan(0)
    await expect(startFakeApiVideo({ host: '0.0.0.0' })).rejects.toThrow(/loopback only/)
  })

  it('grants tokens sized like api.video’s for an accepted API key', async () => {
    const tokens = await signIn()
    expect(tokens.expires_in).toBe(3600)
    expect(tokens.access_token.split('.')).toHaveLength(3)
    expect(tokens.access_token.length).toBeGreaterThanOrEqual(700)
    expect(tokens.access_token.length).toBeLessThanOrEqual(900)
    expect(tokens.refresh_token.length).toBeGreaterThanOrEqual(700)
    expect(tokens.refresh_token.length).toBeLessThanOrEqual(900)
  })

  it('answers a wrong API key with the documented 400 body', async () => {
    const response = await post('/auth/api-key', { apiKey: 'nope' })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual(DOCUMENTED_400)
  })

  it('rejects the snake_case request body the spec does not define', async () => {
    const response = await post('/auth/api-key', { api_key: 'key-1' })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ name: 'apiKey', title: 'This attribute is required.' })
  })

  it('rotates refresh tokens: each is single-use, and a reuse is logged', async () => {
    const first = await signIn()
    const rotated = await post('/auth/refresh', { refreshToken: first.refresh_token })
    expect(rotated.status).toBe(200)
    const second = (await rotated.json()) as { refresh_token: string }
    expect(second.refresh_token).not.toBe(first.refresh_token)

    const reused = await post('/auth/refresh', { refreshToken: first.refresh_token })
    expect(reused.status).toBe(400)
    expect(await reused.json()).toEqual(DOCUMENTED_400)
    const unknown = await post('/auth/refresh', { refreshToken: 'def50200never' })
    expect(unknown.status).toBe(400)

    expect(fake.requestsTo('auth/refresh').map((r) => [r.refreshOutcome, r.result])).toEqual([
      ['rotated', 200],
      ['reused', 400],
      ['unknown', 400],
    ])
    expect(fake.requestsTo('auth/refresh')[1]?.refreshToken).toBe(first.refresh_token)
  })

  it('revokes outstanding refresh tokens on request', async () => {
    const tokens = await signIn()
    expect(fake.revokeRefreshTokens()).toBe(1)
    const response = await post('/auth/refresh', { refreshToken: tokens.refresh_token })
    expect(response.status).toBe(400)
    expect(fake.requestsTo('auth/refresh')[0]?.refreshOutcome).toBe('revoked')
  })

  it('stops accepting a removed API key, and its refresh tokens', async () => {
    const tokens = await signIn()
    fake.removeApiKey('key-1')
    expect((await post('/auth/api-key', { apiKey: 'key-1' })).status).toBe(400)
    expect((await post('/auth/refresh', { refreshToken: tokens.refresh_token })).status).toBe(400)
    fake.addApiKey('key-2')
    expect((await post('/auth/api-key', { apiKey: 'key-2' })).status).toBe(200)
  })

  it('switches to 401 and application/problem+json', async () => {
    fake.setRejectStatus(401)
    fake.setErrorContentType('application/problem+json')
    const response = await post('/auth/api-key', { apiKey: 'nope' })
    expect(response.status).toBe(401)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toMatchObject({ title: 'The API key is invalid.', status: 401 })
    const refresh = await post('/auth/refresh', { refreshToken: 'x' })
    expect(await refresh.json()).toMatchObject({ title: 'The refresh token is invalid.', status: 401 })
  })

  it('answers 404 for unknown paths and 405 for wrong methods', async () => {
    expect((await fetch(`${fake.url}/nothing`)).status).toBe(404)
    const wrong = await fetch(`${fake.url}/auth/api-key`)
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('POST')
  })
})

describe('GET /videos', () => {
  it('lists videos for a valid bearer token, with rate-limit headers', async () => {
    const tokens = await signIn()
    const response = await videos(tokens.access_token)
    expect(response.status).toBe(200)
    expect(response.headers.get('x-ratelimit-limit')).toBe('100')
    expect(response.headers.get('x-ratelimit-remaining')).toBe('99')
    const body = (await response.json()) as { data: unknown[]; pagination: { itemsTotal: number } }
    expect(body.data).toHaveLength(3)
    expect(body.pagination.itemsTotal).toBe(3)
  })

  it('answers 401 for an unknown or missing token', async () => {
    expect((await videos('made-up')).status).toBe(401)
    expect((await fetch(`${fake.url}/videos`)).status).toBe(401)
  })

  it('expires access tokens after the configured lifetime', async () => {
    fake.setAccessTokenLifetime(60)
    const tokens = await signIn()
    expect(tokens.expires_in).toBe(60)
    now.value += 59_000
    expect((await videos(tokens.access_token)).status).toBe(200)
    now.value += 1_000
    expect((await videos(tokens.access_token)).status).toBe(401)
  })

  it('expires all access tokens on request', async () => {
    const tokens = await signIn()
    fake.expireAccessTokens()
    expect((await videos(tokens.access_token)).status).toBe(401)
  })

  it('answers page sizes out of range with the documented 400', async () => {
    const tokens = await signIn()
    const response = await videos(tokens.access_token, 'pageSize=5')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      title: 'This parameter is out of the allowed range of values.',
    })
  })

  it('rate-limits reads per minute with the documented 429', async () => {
    await fake.close()
    fake = await startFakeApiVideo({ apiKeys: ['key-1'], readsPerMinute: 2, clock: { now: () => now.value } })
    const tokens = await signIn()
    expect((await videos(tokens.access_token)).status).toBe(200)
    expect((await videos(tokens.access_token)).status).toBe(200)
    const limited = await videos(tokens.access_token)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('x-ratelimit-retry-after')).toBe('60')
    expect(await limited.json()).toEqual({
      type: 'https://docs.api.video/reference/too-many-requests',
      title: 'Too many requests.',
      status: 429,
    })
    now.value += 60_000
    expect((await videos(tokens.access_token)).status).toBe(200)
  })
})

describe('fault injection', () => {
  it('applies a fault to the next N requests of one route only', async () => {
    fake.inject('auth/api-key', { kind: 'status', status: 503, body: '' }, 2)
    expect((await post('/auth/api-key', { apiKey: 'key-1' })).status).toBe(503)
    const tokens = await signIn().catch(() => undefined)
    expect(tokens).toBeUndefined()
    expect((await post('/auth/api-key', { apiKey: 'key-1' })).status).toBe(200)
    expect(fake.requestsTo('auth/api-key').map((r) => r.result)).toEqual([503, 503, 200])
  })

  it('any status, body, content type and headers', async () => {
    fake.inject('auth/refresh', {
      kind: 'status',
      status: 502,
      body: '<h1>Bad gateway</h1>',
      contentType: 'text/html',
      headers: { 'Retry-After': '3' },
    })
    const response = await post('/auth/refresh', { refreshToken: 'x' })
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('text/html')
    expect(response.headers.get('retry-after')).toBe('3')
    expect(await response.text()).toBe('<h1>Bad gateway</h1>')
  })

  it('added latency, then a normal answer', async () => {
    fake.inject('auth/api-key', { kind: 'latency', ms: 150 })
    const started = performance.now()
    const response = await post('/auth/api-key', { apiKey: 'key-1' })
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    expect(response.status).toBe(200)
  })

  it('malformed JSON', async () => {
    fake.inject('auth/api-key', { kind: 'malformed-json' })
    const response = await post('/auth/api-key', { apiKey: 'key-1' })
    expect(response.headers.get('content-type')).toBe('application/json')
    await expect(response.json()).rejects.toThrow(SyntaxError)
  })

  it('an oversized body', async () => {
    fake.inject('videos', { kind: 'oversized', bytes: 5 * 1024 * 1024 })
    const response = await videos('t')
    expect((await response.arrayBuffer()).byteLength).toBe(5 * 1024 * 1024)
  })

  it('a connection reset', async () => {
    fake.inject('auth/refresh', { kind: 'reset' })
    const error = (await post('/auth/refresh', { refreshToken: 'x' }).catch((e: unknown) => e)) as Error
    expect((error.cause as { code?: string }).code).toBe('ECONNRESET')
    expect(fake.requests.at(-1)?.result).toBe('reset')
  })

  it('no answer at all, until the client gives up', async () => {
    fake.inject('auth/api-key', { kind: 'hang' })
    const error = (await fetch(`${fake.url}/auth/api-key`, {
      method: 'POST',
      signal: AbortSignal.timeout(200),
    }).catch((e: unknown) => e)) as Error
    expect(error.name).toBe('TimeoutError')
    expect(fake.requests.at(-1)?.result).toBe('hang')
  })

  it('clears waiting faults', async () => {
    fake.inject('auth/api-key', { kind: 'status', status: 500 }, 5)
    fake.clearFaults()
    expect((await post('/auth/api-key', { apiKey: 'key-1' })).status).toBe(200)
  })
})

describe('request log', () => {
  it('records route, time and the presented credential', async () => {
    const tokens = await signIn()
    now.value += 5
    await videos(tokens.access_token)
    expect(fake.requests).toEqual([
      expect.objectContaining({ route: 'auth/api-key', apiKey: 'key-1', at: 1_700_000_000_000, result: 200 }),
      expect.objectContaining({
        route: 'videos',
        bearer: tokens.access_token,
        at: 1_700_000_000_005,
        result: 200,
      }),
    ])
    fake.clearLog()
    expect(fake.requests).toHaveLength(0)
  })
})

describe('requests in flight', () => {
  it('counts requests received and not yet answered, and the peak', async () => {
    fake.inject('auth/api-key', { kind: 'latency', ms: 100 }, 3)
    const answers = Promise.all([signIn(), signIn(), signIn()])
    await expect.poll(() => fake.inFlight('auth/api-key')).toBe(3)
    await answers
    expect(fake.inFlight('auth/api-key')).toBe(0)
    expect(fake.peakInFlight('auth/api-key')).toBe(3)
    fake.clearLog()
    expect(fake.peakInFlight('auth/api-key')).toBe(0)
  })
})
