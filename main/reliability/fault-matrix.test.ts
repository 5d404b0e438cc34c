import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../core/apivideo/api-error'
import { MemoryKeychain } from '../core/secrets/memory-keychain'
import { CredentialService } from '../core/service/service'
import { startFakeApiVideo, type FakeApiVideo, type Fault, type FakeRoute } from '../fake-api/server'
import { refreshTokenIn } from '../testing/stored-session'
import { tempDir } from '../testing/temp-dir'
import { startSelfSignedServer } from '../testing/tls-server'

/**
 * The network fault matrix of the reliability issue: every fault, for sign in, refresh and verify, through
 * the service a person uses. Each must give the right error kind and a message a person understands, keep
 * serving the previous good token, never lose the refresh token, leave no unhandled rejection, and leave a
 * consistent state.
 */

type Operation = 'sign in' | 'refresh' | 'verify'
type NetworkFault = 'unresolvable' | 'tls'

interface Case {
  readonly name: string
  readonly fault: Fault | NetworkFault
  /** Expected error kind per operation (sign in and refresh share the auth routes' semantics). */
  readonly kind: { readonly auth: string; readonly verify: string }
  readonly message: RegExp
}

const problem = (status: number, title: string) =>
  JSON.stringify({ type: 'https://docs.api.video/x', title, status })
const tokens = (fields: Record<string, unknown>) =>
  JSON.stringify({
    token_type: 'Bearer',
    expires_in: 3600,
    access_token: 'a.b.c',
    refresh_token: 'r',
    ...fields,
  })
const same = (kind: string) => ({ auth: kind, verify: kind })

const CASES: readonly Case[] = [
  {
    name: '400 with the documented body',
    fault: {
      kind: 'status',
      status: 400,
      body: '{"type":"https://docs.api.video/reference/authentication-invalid-user-credentials","title":"The user credentials were incorrect.","name":"","status":400}',
    },
    kind: { auth: 'credentials-rejected', verify: 'unexpected-status' },
    message: /The user credentials were incorrect|unexpected HTTP 400/,
  },
  {
    name: '401',
    fault: { kind: 'status', status: 401, body: problem(401, 'The API key is invalid.') },
    kind: same('credentials-rejected'),
    message: /invalid|rejected/,
  },
  {
    name: '403',
    fault: { kind: 'status', status: 403, body: problem(403, 'Suspended.') },
    kind: same('forbidden'),
    message: /refused access/,
  },
  {
    name: '404',
    fault: { kind: 'status', status: 404, body: problem(404, 'Not found.') },
    kind: same('not-found'),
    message: /Check the base URL/,
  },
  {
    name: '405',
    fault: { kind: 'status', status: 405, body: problem(405, 'Not allowed.') },
    kind: same('unexpected-status'),
    message: /unexpected HTTP 405/,
  },
  {
    name: '429 with Retry-After',
    fault: {
      kind: 'status',
      status: 429,
      body: problem(429, 'Too many requests.'),
      headers: { 'Retry-After': '30' },
    },
    kind: same('rate-limited'),
    message: /try again in 30 s/,
  },
  {
    name: '429 with X-RateLimit-Retry-After',
    fault: {
      kind: 'status',
      status: 429,
      body: problem(429, 'Too many requests.'),
      headers: { 'X-RateLimit-Retry-After': '12' },
    },
    kind: same('rate-limited'),
    message: /try again in 12 s/,
  },
  {
    name: '500',
    fault: { kind: 'status', status: 500, body: problem(500, 'Oops.') },
    kind: same('server'),
    message: /HTTP 500/,
  },
  {
    name: '502 with an HTML body',
    fault: {
      kind: 'status',
      status: 502,
      body: '<html><body>Bad gateway</body></html>',
      contentType: 'text/html',
    },
    kind: same('server'),
    message: /HTTP 502\); try again/,
  },
  {
    name: '503',
    fault: { kind: 'status', status: 503, body: '' },
    kind: same('server'),
    message: /HTTP 503/,
  },
  {
    name: '200 that is not JSON',
    fault: { kind: 'malformed-json' },
    kind: same('invalid-response'),
    message: /not valid JSON/,
  },
  {
    name: '200 without access_token',
    fault: { kind: 'status', status: 200, body: tokens({ access_token: undefined }) },
    kind: same('invalid-response'),
    message: /access_token is missing|data is missing/,
  },
  {
    name: '200 without refresh_token',
    fault: { kind: 'status', status: 200, body: tokens({ refresh_token: undefined }) },
    kind: same('invalid-response'),
    message: /refresh_token is missing|data is missing/,
  },
  ...[0, -5, '3600', 1e12].map((value): Case => ({
    name: `expires_in ${JSON.stringify(value)}`,
    fault: { kind: 'status', status: 200, body: tokens({ expires_in: value }) },
    kind: same('invalid-response'),
    message: /expires_in|data is missing/,
  })),
  {
    name: 'a 5 MiB body',
    fault: { kind: 'oversized', bytes: 5 * 1024 * 1024 },
    kind: same('invalid-response'),
    message: /larger than 1 MiB/,
  },
  {
    name: 'a wrong content type',
    fault: { kind: 'status', status: 200, body: tokens({}), contentType: 'text/plain' },
    kind: same('invalid-response'),
    message: /not JSON \(text\/plain\)/,
  },
  {
    name: 'a connection reset',
    fault: { kind: 'reset' },
    kind: same('network'),
    message: /Could not reach .*connection was (reset|closed)/,
  },
  {
    name: 'no answer past the timeout',
    fault: { kind: 'hang' },
    kind: same('timeout'),
    message: /did not answer within 0\.4 s/,
  },
  {
    name: 'an unresolvable host',
    fault: 'unresolvable',
    kind: same('network'),
    message: /could not be resolved/,
  },
  { name: 'a TLS failure', fault: 'tls', kind: same('network'), message: /TLS certificate is self-signed/ },
]

const ROUTE: Record<Operation, FakeRoute> = {
  'sign in': 'auth/api-key',
  refresh: 'auth/refresh',
  verify: 'videos',
}

let fake: FakeApiVideo
let tls: Awaited<ReturnType<typeof startSelfSignedServer>>
let armed: NetworkFault | undefined
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)

/** Sends requests to a failing endpoint while a network fault is armed; otherwise to the fake, unchanged. */
const transport: typeof fetch = (input, init) => {
  if (armed === undefined) return fetch(input, init)
  const url = new URL(input instanceof Request ? input.url : input.toString())
  const target = armed === 'unresolvable' ? 'https://no-such-host.invalid' : tls.url
  return fetch(`${target}${url.pathname}${url.search}`, init)
}

beforeAll(async () => {
  fake = await startFakeApiVideo({ apiKeys: ['good-key'] })
  tls = await startSelfSignedServer()
  process.on('unhandledRejection', onUnhandled)
})
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled)
  await fake.close()
  await tls.close()
})

let dir: ReturnType<typeof tempDir>
let keychain: MemoryKeychain
let service: CredentialService
let profileId: string

beforeEach(async () => {
  dir = tempDir()
  keychain = new MemoryKeychain()
  service = new CredentialService({ dataDir: dir.path, keychain, fetch: transport, requestTimeoutMs: 400 })
  await service.start()
  profileId = (await service.add({ name: 'Acme', environment: fake.url, apiKey: 'good-key' })).id
})
afterEach(() => {
  armed = undefined
  fake.clearFaults()
  service.stop()
  dir.remove()
})

async function attempt(operation: Operation): Promise<{ kind: string; message: string }> {
  try {
    if (operation === 'sign in') await service.signIn(profileId, 'good-key')
    if (operation === 'refresh') await service.refresh(profileId)
    if (operation === 'verify') {
      const outcome = await service.verify(profileId)
      if (!outcome.ok) return outcome.error
    }
  } catch (error) {
    expect(error).toBeInstanceOf(Error)
    return { kind: (error as ApiError).kind, message: (error as Error).message }
  }
  throw new Error(`${operation} succeeded despite the fault`)
}

describe.each(['sign in', 'refresh', 'verify'] as const)('%s', (operation) => {
  it.each(CASES)('$name', async (testCase) => {
    const before = await service.getToken(profileId, { minValiditySeconds: 60 })
    const refreshTokenBefore = refreshTokenIn(keychain.entries.get(`${profileId}/session`))
    fake.clearLog()
    if (typeof testCase.fault === 'string') armed = testCase.fault
    else fake.inject(ROUTE[operation], testCase.fault)

    const error = await attempt(operation)
    armed = undefined
    fake.clearFaults()

    // The right kind, in words a person understands, with no secret in them.
    const expected = operation === 'verify' ? testCase.kind.verify : testCase.kind.auth
    const shownKind =
      operation === 'refresh' && expected === 'credentials-rejected' ? 'needs-sign-in' : expected
    expect(error.kind).toBe(shownKind)
    expect(error.message).toMatch(
      operation === 'refresh' && expected === 'credentials-rejected' ? /Sign in again/ : testCase.message,
    )
    expect(error.message.length).toBeLessThan(300)
    expect(error.message).not.toMatch(/\n\s+at /)
    for (const secret of [before.accessToken, refreshTokenBefore ?? '', 'good-key'])
      expect(error.message).not.toContain(secret)

    // The previous good token is still served, without asking api.video.
    fake.clearLog()
    expect((await service.getToken(profileId, { minValiditySeconds: 60 })).accessToken).toBe(
      before.accessToken,
    )
    expect(fake.requests).toEqual([])

    // The refresh token is not lost: the keychain still holds the last one api.video issued.
    expect(refreshTokenIn(keychain.entries.get(`${profileId}/session`))).toBe(refreshTokenBefore)

    // The state is consistent, and the profile recovers once api.video behaves again.
    const state = service.find(profileId).session
    if (operation === 'refresh') {
      if (shownKind === 'needs-sign-in') {
        expect(state.status).toBe('needs-sign-in')
        await expect(service.refresh(profileId)).rejects.toMatchObject({ kind: 'needs-sign-in' })
        expect(fake.requestsTo('auth/refresh')).toEqual([])
        await service.signIn(profileId, 'good-key')
      } else {
        expect(state.status).toBe('retrying')
        expect(state.lastError?.kind).toBe(expected)
        expect(state.failures).toBe(1)
        expect(state.nextRefreshAt).toBeGreaterThan(Date.now())
        if (expected === 'rate-limited') {
          await expect(service.refresh(profileId)).rejects.toMatchObject({ kind: 'rate-limited' })
          return
        }
        await service.refresh(profileId)
        expect(fake.requestsTo('auth/refresh').map((r) => r.refreshOutcome)).toEqual(['rotated'])
      }
    } else {
      expect(state.status).toBe('valid')
      expect(state.lastError).toBeUndefined()
      await service.refresh(profileId)
      expect(fake.requestsTo('auth/refresh').map((r) => r.refreshOutcome)).toEqual(['rotated'])
    }
    expect(service.find(profileId).session.status).toBe('valid')
    expect(unhandled).toEqual([])
  })
})

it('covers every fault the reliability issue lists, for each operation', () => {
  expect(CASES).toHaveLength(23)
})
