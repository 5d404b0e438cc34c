import { createServer } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startFakeApiVideo, type FakeApiVideo, type FakeRoute } from '../../fake-api/server'
import { startSelfSignedServer } from '../../testing/tls-server'
import { APP_VERSION } from '../app-info'
import { ApiError, type ApiErrorKind, type ApiOperation } from './api-error'
import { createApiVideoClient, type ApiVideoClient } from './client'

let fake: FakeApiVideo
let client: ApiVideoClient
const now = { value: 1_700_000_000_000 }
const clock = { now: () => now.value }

beforeAll(async () => {
  fake = await startFakeApiVideo({ apiKeys: ['good-key'] })
  client = createApiVideoClient({ baseUrl: fake.url, clock, timeoutMs: 2000 })
})
afterAll(() => fake.close())
afterEach(() => {
  fake.clearFaults()
  fake.setRejectStatus(400)
  fake.setErrorContentType('application/json')
})

const ROUTE: Record<ApiOperation, FakeRoute> = {
  authenticate: 'auth/api-key',
  refresh: 'auth/refresh',
  verify: 'videos',
}

/** Runs one operation with valid credentials, so that only an injected fault can make it fail. */
async function run(operation: ApiOperation, c: ApiVideoClient = client): Promise<unknown> {
  if (operation === 'authenticate') return c.authenticate('good-key')
  const grant = await client.authenticate('good-key')
  if (operation === 'refresh') return c.refresh(grant.refreshToken)
  return c.verify(grant.accessToken)
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError)
    return error as ApiError
  }
  throw new Error('expected the call to fail')
}

/** Every secret the fake has seen: none may appear in an error message. */
function expectNoSecretIn(message: string): void {
  for (const entry of fake.requests) {
    for (const secret of [entry.apiKey, entry.refreshToken, entry.bearer]) {
      if (secret !== undefined) expect(message).not.toContain(secret)
    }
  }
}

describe('success', () => {
  it('signs in, computing the absolute expiry from the moment the answer arrived', async () => {
    now.value = 1_700_000_000_000
    const grant = await client.authenticate('good-key')
    expect(grant.accessToken.length).toBeGreaterThan(600)
    expect(grant.refreshToken.startsWith('def50200')).toBe(true)
    expect(grant.expiresAt).toBe(1_700_000_000_000 + 3600 * 1000)
    expect(grant.tokenType).toBe('Bearer')
    expect(fake.requests.at(-1)?.userAgent).toContain(`apivideo-credential-manager/${APP_VERSION}`)
  })

  it('refreshes, rotating the refresh token', async () => {
    const first = await client.authenticate('good-key')
    const second = await client.refresh(first.refreshToken)
    expect(second.refreshToken).not.toBe(first.refreshToken)
    const reuse = await failure(client.refresh(first.refreshToken))
    expect(reuse.kind).toBe('credentials-rejected')
  })

  it('verifies an access token and reports latency and the video count', async () => {
    const grant = await client.authenticate('good-key')
    const result = await client.verify(grant.accessToken)
    expect(result.latencyMs).toBeGreaterThanOrEqual(0)
    expect(result.videoCount).toBe(3)
    expect(fake.requests.at(-1)?.path).toBe('/videos')
  })

  it.each(['Bearer', 'bearer', 'BEARER', 'mac', undefined, 42])(
    'accepts token_type %s',
    async (tokenType) => {
      fake.inject('auth/api-key', {
        kind: 'status',
        status: 200,
        body: JSON.stringify({
          token_type: tokenType,
          expires_in: 3600,
          access_token: 'a.b.c',
          refresh_token: 'r1',
        }),
      })
      const grant = await client.authenticate('good-key')
      expect(grant.accessToken).toBe('a.b.c')
      expect(grant.tokenType).toBe(typeof tokenType === 'string' ? tokenType : undefined)
    },
  )

  it('uses expires_in as given: 3599 is not rounded to an hour', async () => {
    now.value = 1_000_000
    fake.inject('auth/refresh', {
      kind: 'status',
      status: 200,
      body: JSON.stringify({ token_type: 'Bearer', expires_in: 3599, access_token: 'a', refresh_token: 'r' }),
    })
    const grant = await client.refresh('anything')
    expect(grant.expiresAt).toBe(1_000_000 + 3_599_000)
  })

  it('accepts an application/problem+json-free success with a charset', async () => {
    fake.inject('auth/api-key', {
      kind: 'status',
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ expires_in: 60, access_token: 'a', refresh_token: 'r' }),
    })
    await expect(client.authenticate('good-key')).resolves.toMatchObject({ accessToken: 'a' })
  })
})

describe('invalid success bodies', () => {
  const body = (fields: Record<string, unknown>) =>
    JSON.stringify({
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: 'a',
      refresh_token: 'r',
      ...fields,
    })
  const cases: [string, string, RegExp][] = [
    ['missing access_token', body({ access_token: undefined }), /access_token is missing/],
    ['empty access_token', body({ access_token: '' }), /access_token is empty/],
    ['missing refresh_token', body({ refresh_token: undefined }), /refresh_token is missing/],
    ['empty refresh_token', body({ refresh_token: '' }), /refresh_token is empty/],
    ['a token with a newline', body({ access_token: 'a\nb' }), /access_token contains spaces or control/],
    ['expires_in 0', body({ expires_in: 0 }), /expires_in is not positive/],
    ['expires_in -5', body({ expires_in: -5 }), /expires_in is not positive/],
    ['expires_in "3600"', body({ expires_in: '3600' }), /expires_in is missing or not a number/],
    ['expires_in 3600.5', body({ expires_in: 3600.5 }), /expires_in is not a whole number/],
    ['expires_in 10^12', body({ expires_in: 1e12 }), /expires_in is implausibly large/],
    ['missing expires_in', body({ expires_in: undefined }), /expires_in is missing/],
    ['an array', '[]', /not a JSON object/],
    ['null', 'null', /not a JSON object/],
  ]
  for (const operation of ['authenticate', 'refresh'] as const) {
    it.each(cases)(`${operation}: rejects %s`, async (_name, text, expected) => {
      fake.inject(ROUTE[operation], { kind: 'status', status: 200, body: text })
      const error = await failure(run(operation))
      expect(error.kind).toBe('invalid-response')
      expect(error.message).toMatch(expected)
    })
  }

  it('verify: rejects a 200 without the videos list', async () => {
    fake.inject('videos', { kind: 'status', status: 200, body: '{"pagination":{}}' })
    const error = await failure(run('verify'))
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toMatch(/data is missing/)
  })
})

describe('error kinds, for every operation', () => {
  const problem = (status: number, title: string) =>
    JSON.stringify({ type: 'https://docs.api.video/reference/x', title, name: '', status })

  interface Case {
    readonly name: string
    readonly fault: Parameters<FakeApiVideo['inject']>[1]
    readonly kind: ApiErrorKind
    readonly message: RegExp
    readonly status?: number
    readonly retryAfterMs?: number
  }
  const cases: Case[] = [
    {
      name: '403',
      fault: { kind: 'status', status: 403, body: problem(403, 'Your account is suspended.') },
      kind: 'forbidden',
      message: /refused access \(Your account is suspended\.\)/,
      status: 403,
    },
    {
      name: '404',
      fault: { kind: 'status', status: 404, body: problem(404, 'Not found') },
      kind: 'not-found',
      message: /HTTP 404\)\. Check the base URL/,
      status: 404,
    },
    {
      name: '405',
      fault: { kind: 'status', status: 405, body: problem(405, 'Method Not Allowed') },
      kind: 'unexpected-status',
      message: /unexpected HTTP 405 \(Method Not Allowed\)/,
      status: 405,
    },
    {
      name: 'a redirect',
      fault: { kind: 'status', status: 301, body: '', headers: { Location: 'https://example.com/' } },
      kind: 'unexpected-status',
      message: /unexpected HTTP 301/,
      status: 301,
    },
    {
      name: '429 with Retry-After',
      fault: {
        kind: 'status',
        status: 429,
        body: problem(429, 'Too many requests.'),
        headers: { 'Retry-After': '7' },
      },
      kind: 'rate-limited',
      message: /try again in 7 s/,
      status: 429,
      retryAfterMs: 7000,
    },
    {
      name: '429 with X-RateLimit-Retry-After',
      fault: {
        kind: 'status',
        status: 429,
        body: problem(429, 'Too many requests.'),
        headers: { 'X-RateLimit-Retry-After': '42' },
      },
      kind: 'rate-limited',
      message: /try again in 42 s/,
      status: 429,
      retryAfterMs: 42_000,
    },
    {
      name: '429 without a wait',
      fault: { kind: 'status', status: 429, body: problem(429, 'Too many requests.') },
      kind: 'rate-limited',
      message: /try again in a moment/,
      status: 429,
    },
    {
      name: '500',
      fault: { kind: 'status', status: 500, body: problem(500, 'Internal error') },
      kind: 'server',
      message: /problem on its side \(HTTP 500\)/,
      status: 500,
    },
    {
      name: '502 with an HTML body',
      fault: { kind: 'status', status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' },
      kind: 'server',
      message: /HTTP 502\); try again/,
      status: 502,
    },
    {
      name: '503',
      fault: { kind: 'status', status: 503, body: '' },
      kind: 'server',
      message: /HTTP 503/,
      status: 503,
    },
    {
      name: 'a 200 that is not JSON',
      fault: { kind: 'malformed-json' },
      kind: 'invalid-response',
      message: /not valid JSON/,
    },
    {
      name: 'a 200 with a wrong content type',
      fault: { kind: 'status', status: 200, body: '{}', contentType: 'text/html' },
      kind: 'invalid-response',
      message: /not JSON \(text\/html\)/,
    },
    {
      name: 'a 5 MiB body',
      fault: { kind: 'oversized', bytes: 5 * 1024 * 1024 },
      kind: 'invalid-response',
      message: /larger than 1 MiB/,
    },
    {
      name: 'a connection reset',
      fault: { kind: 'reset' },
      kind: 'network',
      message: /Could not reach 127\.0\.0\.1:\d+: the connection was (reset|closed)/,
    },
  ]

  for (const operation of ['authenticate', 'refresh', 'verify'] as const) {
    it.each(cases)(`${operation}: $name → $kind`, async (testCase) => {
      fake.inject(ROUTE[operation], testCase.fault)
      const error = await failure(run(operation))
      expect(error.kind).toBe(testCase.kind)
      expect(error.operation).toBe(operation)
      expect(error.message).toMatch(testCase.message)
      expect(error.status).toBe(testCase.status)
      expect(error.retryAfterMs).toBe(testCase.retryAfterMs)
      expectNoSecretIn(error.message)
    })

    it(`${operation}: a server that does not answer times out`, async () => {
      const quick = createApiVideoClient({ baseUrl: fake.url, timeoutMs: 300 })
      fake.inject(ROUTE[operation], { kind: 'hang' })
      const error = await failure(run(operation, quick))
      expect(error.kind).toBe('timeout')
      expect(error.message).toMatch(/did not answer within 0\.3 s/)
    })

    it(`${operation}: the caller can cancel`, async () => {
      fake.inject(ROUTE[operation], { kind: 'hang' })
      const controller = new AbortController()
      const grant = operation === 'authenticate' ? undefined : await client.authenticate('good-key')
      const pending =
        operation === 'authenticate'
          ? client.authenticate('good-key', { signal: controller.signal })
          : operation === 'refresh'
            ? client.refresh(grant?.refreshToken ?? '', { signal: controller.signal })
            : client.verify(grant?.accessToken ?? '', { signal: controller.signal })
      setImmediate(() => controller.abort())
      const error = await failure(pending)
      expect(error.kind).toBe('aborted')
    })
  }
})

describe('rejected credentials', () => {
  it.each([400, 401] as const)('a wrong API key answered with %i shows the server title', async (status) => {
    fake.setRejectStatus(status)
    const error = await failure(client.authenticate('wrong-key'))
    expect(error.kind).toBe('credentials-rejected')
    expect(error.status).toBe(status)
    expect(error.message).toBe(
      status === 400 ? 'The user credentials were incorrect.' : 'The API key is invalid.',
    )
    expect(error.message).not.toContain('wrong-key')
  })

  it.each(['application/json', 'application/problem+json'] as const)(
    'reads %s error bodies',
    async (type) => {
      fake.setErrorContentType(type)
      const error = await failure(client.refresh('never-issued'))
      expect(error.kind).toBe('credentials-rejected')
      expect(error.serverTitle).toBe('The user credentials were incorrect.')
    },
  )

  it('a 401 on verify means the access token was rejected', async () => {
    const error = await failure(client.verify('not-a-token'))
    expect(error.kind).toBe('credentials-rejected')
    expect(error.message).toMatch(/rejected the access token/)
    expect(error.message).not.toContain('not-a-token')
  })

  it('falls back to a plain sentence when the body has no title', async () => {
    fake.inject('auth/api-key', { kind: 'status', status: 400, body: 'oops', contentType: 'text/plain' })
    const error = await failure(client.authenticate('good-key'))
    expect(error.message).toBe('api.video rejected the API key.')
  })

  it('never echoes a secret the server put in its title', async () => {
    fake.inject('auth/api-key', {
      kind: 'status',
      status: 401,
      body: JSON.stringify({ title: 'Key good-key\u0000 is not valid', status: 401 }),
    })
    const error = await failure(client.authenticate('good-key'))
    expect(error.message).toBe('Key [redacted] is not valid')
  })
})

describe('network failures', () => {
  it('a refused connection', async () => {
    const port = await freePort()
    const refused = createApiVideoClient({ baseUrl: `http://127.0.0.1:${port}` })
    const error = await failure(refused.authenticate('k'))
    expect(error.kind).toBe('network')
    expect(error.message).toBe(
      `Could not reach 127.0.0.1:${port}: the connection was refused (is the address right, and is the service up?).`,
    )
  })

  it('an unresolvable host', async () => {
    const nowhere = createApiVideoClient({ baseUrl: 'https://no-such-host.invalid' })
    const error = await failure(nowhere.refresh('r'))
    expect(error.kind).toBe('network')
    expect(error.message).toMatch(/^Could not reach no-such-host\.invalid: its name could not be resolved/)
  })

  it('a self-signed TLS certificate', async () => {
    const tls = await startSelfSignedServer()
    try {
      const error = await failure(createApiVideoClient({ baseUrl: tls.url }).verify('t'))
      expect(error.kind).toBe('network')
      expect(error.message).toMatch(/TLS certificate is self-signed and not trusted/)
    } finally {
      await tls.close()
    }
  })
})

describe('a base URL the environment rule refuses', () => {
  it.each(['http://attacker.example', 'http://app.localhost:3000', 'https://user:pw@proxy.example.com'])(
    'sends no request with a secret to %s',
    async (baseUrl) => {
      const fetched: string[] = []
      const recording: typeof fetch = (input) => {
        fetched.push(input instanceof Request ? input.url : input.toString())
        return Promise.reject(new TypeError('fetch failed'))
      }
      const refusing = createApiVideoClient({ baseUrl, fetch: recording })
      for (const call of [
        refusing.authenticate('api-key'),
        refusing.refresh('refresh-token'),
        refusing.verify('access-token'),
      ]) {
        await expect(call).rejects.toMatchObject({
          kind: 'base-url-not-allowed',
          message: expect.stringMatching(
            /^This profile's base URL .* is not allowed: A base URL must/,
          ) as unknown,
        })
      }
      expect(fetched).toEqual([])
    },
  )
})

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
