import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startFakeApiVideo, type FakeApiVideo } from '../../fake-api/server'
import { tempDir } from '../../testing/temp-dir'
import { refreshTokenIn } from '../../testing/stored-session'
import { until } from '../../testing/until'
import { createApiVideoClient } from '../apivideo/client'
import { systemClock } from '../clock'
import { withFileLock } from '../file-lock'
import { MemoryKeychain } from '../secrets/memory-keychain'
import { SecretStore } from '../secrets/secret-store'
import { BACKOFF_BASE_MS } from './schedule'
import { Session, type SessionActivity } from './session'

const MINUTE = 60_000
const LEAD = 5 * MINUTE
const START = Date.UTC(2026, 11, 1, 9, 0, 0)

let fake: FakeApiVideo
let keychain: MemoryKeychain
let dir: ReturnType<typeof tempDir>
let activity: SessionActivity[]

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
  vi.setSystemTime(START)
  fake = await startFakeApiVideo({ apiKeys: ['key'] })
  keychain = new MemoryKeychain()
  dir = tempDir()
  activity = []
})
afterEach(async () => {
  vi.useRealTimers()
  await fake.close()
  dir.remove()
})

function makeSession(
  options: { autoRefresh?: boolean; random?: () => number; remembersApiKey?: boolean } = {},
): Session {
  return new Session({
    profileId: 'p1',
    client: createApiVideoClient({ baseUrl: fake.url, timeoutMs: 5000 }),
    secrets: new SecretStore(keychain),
    withLock: (task) => withFileLock(`${dir.path}/p1`, 'a test profile', task),
    clock: systemClock,
    random: options.random ?? (() => 0.5),
    leadMs: () => LEAD,
    remembersApiKey: () => options.remembersApiKey ?? false,
    autoRefresh: options.autoRefresh ?? true,
    onChange: () => undefined,
    onActivity: (entry) => activity.push(entry),
  })
}

/** A signed-in session whose access token expires in `lifetimeSeconds` (the fake's lifetime). */
async function signedIn(session: Session, lifetimeSeconds = 3600): Promise<Session> {
  fake.setAccessTokenLifetime(lifetimeSeconds)
  await session.signIn('key', false)
  fake.setAccessTokenLifetime(3600)
  fake.clearLog()
  return session
}

const refreshes = () => fake.requestsTo('auth/refresh')
const storedRefreshToken = () => refreshTokenIn(keychain.entries.get('p1/session'))

describe('single flight', () => {
  it('50 concurrent token requests on an expired profile cause exactly one refresh', async () => {
    const session = await signedIn(makeSession({ autoRefresh: false }), 60)
    vi.setSystemTime(START + 2 * MINUTE)
    expect(session.snapshot().status).toBe('expired')
    const tokens = await Promise.all(Array.from({ length: 50 }, () => session.getToken(10 * MINUTE)))
    expect(refreshes()).toHaveLength(1)
    expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1)
    expect(tokens[0]?.expiresAt).toBe(START + 2 * MINUTE + 3600_000)
    expect(session.snapshot().status).toBe('valid')
  })

  it('a fresh token is served from memory without any request', async () => {
    const session = await signedIn(makeSession())
    await session.getToken(10 * MINUTE)
    expect(fake.requests).toHaveLength(0)
  })
})

describe('schedule', () => {
  it('refreshes automatically at expiry minus the lead, and not before', async () => {
    const session = await signedIn(makeSession())
    const expiresAt = START + 3600_000
    expect(session.snapshot().nextRefreshAt).toBe(expiresAt - LEAD)
    await vi.advanceTimersByTimeAsync(expiresAt - LEAD - START - 1)
    expect(refreshes()).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    await until(() => expect(session.snapshot().status).toBe('valid'))
    expect(refreshes()).toHaveLength(1)
    expect(session.snapshot().expiresAt).toBe(expiresAt - LEAD + 3600_000)
    expect(activity.at(-1)).toMatchObject({ kind: 'refreshed', trigger: 'auto' })
  })

  it('after a sleep past expiry, resume() refreshes at once', async () => {
    const session = await signedIn(makeSession())
    // The machine sleeps: the wall clock jumps two hours while no timer runs.
    vi.setSystemTime(START + 2 * 3600_000)
    expect(session.snapshot().status).toBe('expired')
    session.check()
    await until(() => expect(refreshes()).toHaveLength(1))
    await until(() => expect(session.snapshot().status).toBe('valid'))
    expect(session.snapshot().expiresAt).toBe((refreshes()[0]?.at ?? 0) + 3600_000)
    expect(refreshes()[0]?.at).toBeLessThan(START + 2 * 3600_000 + 1000)
  })

  it('keeps a short-lived token from being refreshed the moment it arrives', async () => {
    const session = await signedIn(makeSession(), 180) // 3 minutes, shorter than the 5-minute lead
    expect(session.snapshot().nextRefreshAt).toBe(START + 90_000)
    await vi.advanceTimersByTimeAsync(89_000)
    expect(refreshes()).toHaveLength(0)
  })
})

describe('transient failures', () => {
  it('backs off exponentially with jitter on repeated 503, keeping the old token', async () => {
    const session = await signedIn(makeSession({ random: () => 0 }))
    const due = START + 3600_000 - LEAD
    fake.inject('auth/refresh', { kind: 'status', status: 503, body: '' }, 4)
    await vi.advanceTimersByTimeAsync(due - START)
    await until(() => expect(session.snapshot().status).toBe('retrying'))
    // With random() = 0 the waits are half of 5 s, 10 s, 20 s, 40 s.
    for (const [index, wait] of [2500, 5000, 10_000, 20_000].entries()) {
      const failures = index + 1
      await until(() => expect(session.snapshot().failures).toBe(failures))
      expect(session.snapshot().nextRefreshAt).toBe(Date.now() + wait)
      await vi.advanceTimersByTimeAsync(wait - 1)
      expect(refreshes()).toHaveLength(failures)
      await vi.advanceTimersByTimeAsync(1)
      await until(() => expect(refreshes()).toHaveLength(failures + 1))
    }
    await until(() => expect(session.snapshot().status).toBe('valid'))
    expect(refreshes().map((r) => r.result)).toEqual([503, 503, 503, 503, 200])
    expect(session.snapshot().failures).toBe(0)
  })

  it('serves the old token while retrying, and reports the error', async () => {
    const session = await signedIn(makeSession())
    const old = await session.getToken(0)
    fake.inject('auth/refresh', { kind: 'status', status: 503, body: '' }, 10)
    await vi.advanceTimersByTimeAsync(3600_000 - LEAD)
    await until(() => expect(session.snapshot().status).toBe('retrying'))
    expect(session.snapshot().lastError).toMatchObject({ kind: 'server' })
    expect((await session.getToken(MINUTE)).accessToken).toBe(old.accessToken)
  })

  it('honours a 429’s retry-after over the backoff', async () => {
    const session = await signedIn(makeSession())
    fake.inject('auth/refresh', { kind: 'status', status: 429, body: '', headers: { 'Retry-After': '90' } })
    await vi.advanceTimersByTimeAsync(3600_000 - LEAD)
    await until(() => expect(session.snapshot().status).toBe('retrying'))
    const failedAt = Date.now()
    expect(session.snapshot().nextRefreshAt).toBe(failedAt + 90_000)
    await expect(session.refreshNow()).rejects.toMatchObject({ kind: 'rate-limited' })
    await vi.advanceTimersByTimeAsync(89_999)
    expect(refreshes()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await until(() => expect(session.snapshot().status).toBe('valid'))
    expect(refreshes()).toHaveLength(2)
  })
})

describe('rejected refresh token', () => {
  it('gives needs-sign-in with no further attempts; signing in again restores', async () => {
    const session = await signedIn(makeSession())
    fake.revokeRefreshTokens()
    await vi.advanceTimersByTimeAsync(3600_000 - LEAD)
    await until(() => expect(session.snapshot().status).toBe('needs-sign-in'))
    expect(session.snapshot().lastError?.message).toMatch(/Sign in again with the API key/)
    await vi.advanceTimersByTimeAsync(3 * 3600_000)
    await expect(session.getToken(MINUTE)).rejects.toMatchObject({ kind: 'needs-sign-in' })
    await expect(session.refreshNow()).rejects.toMatchObject({ kind: 'needs-sign-in' })
    expect(refreshes()).toHaveLength(1)

    await session.signIn('key', false)
    expect(session.snapshot().status).toBe('valid')
    expect(session.snapshot().lastError).toBeUndefined()
    await expect(session.getToken(MINUTE)).resolves.toMatchObject({ expiresAt: Date.now() + 3600_000 })
  })

  it('signs in again by itself when the API key is remembered', async () => {
    const session = makeSession({ remembersApiKey: true })
    await session.signIn('key', true)
    expect(keychain.entries.get('p1/api-key')).toBe('key')
    fake.revokeRefreshTokens()
    await vi.advanceTimersByTimeAsync(3600_000 - LEAD)
    await until(() => expect(fake.requestsTo('auth/api-key')).toHaveLength(2))
    await until(() => expect(session.snapshot().status).toBe('valid'))
    expect(activity.at(-1)).toMatchObject({ kind: 'signed-in', automatic: true })
  })
})

describe('keychain failures', () => {
  it('a write failing after a refresh: the token is served, the error shown, the newest refresh token saved later', async () => {
    const session = await signedIn(makeSession())
    const before = storedRefreshToken()
    keychain.failNextWrites(2)
    await vi.advanceTimersByTimeAsync(3600_000 - LEAD)
    await until(() => expect(refreshes()).toHaveLength(1))
    await until(() => expect(session.snapshot().status).toBe('valid'))
    expect(session.snapshot().keychainError).toBeDefined()
    expect(session.snapshot().keychainError?.message).toMatch(/locked/)
    expect(storedRefreshToken()).toBe(before)
    const served = await session.getToken(30 * MINUTE)
    expect(served.expiresAt).toBe(Date.now() + 3600_000)

    // A second rotation while the keychain still fails uses the in-memory refresh token, never the stale one.
    await session.refreshNow()
    expect(refreshes().map((r) => r.refreshOutcome)).toEqual(['rotated', 'rotated'])

    await vi.advanceTimersByTimeAsync(5 * MINUTE)
    await until(() => expect(session.snapshot().keychainError).toBeUndefined())
    const newest = refreshes().at(-1)
    expect(newest).toBeDefined()
    // The keychain now holds the refresh token api.video issued last: using it succeeds.
    const check = await createApiVideoClient({ baseUrl: fake.url }).refresh(storedRefreshToken() ?? '')
    expect(check.accessToken).toBeTruthy()
    expect(activity.some((a) => a.kind === 'keychain-recovered')).toBe(true)
  })
})

describe('other processes', () => {
  it('adopts tokens another process rotated instead of presenting a used refresh token', async () => {
    const mine = await signedIn(makeSession({ autoRefresh: false }))
    const other = makeSession({ autoRefresh: false })
    other.load({ refreshToken: storedRefreshToken() ?? '' })
    vi.setSystemTime(START + 30 * MINUTE)
    await other.getToken(10 * MINUTE)
    expect(refreshes()).toHaveLength(1)
    vi.setSystemTime(START + 58 * MINUTE)
    const token = await mine.getToken(10 * MINUTE)
    expect(refreshes()).toHaveLength(1)
    expect(token.expiresAt).toBe(START + 90 * MINUTE)
    expect(refreshes().every((r) => r.refreshOutcome === 'rotated')).toBe(true)
  })
})

it('uses the documented first retry of about 5 s', () => {
  expect(BACKOFF_BASE_MS).toBe(5000)
})
