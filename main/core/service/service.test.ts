import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeApiVideo, type FakeApiVideo } from '../../fake-api/server'
import { refreshTokenIn } from '../../testing/stored-session'
import { tempDir } from '../../testing/temp-dir'
import { MemoryKeychain } from '../secrets/memory-keychain'
import { CredentialService } from './service'
import type { ServiceEvent } from './types'

let fake: FakeApiVideo
let dir: ReturnType<typeof tempDir>
let keychain: MemoryKeychain
let service: CredentialService

beforeEach(async () => {
  fake = await startFakeApiVideo({ apiKeys: ['good-key', 'second-key'] })
  dir = tempDir()
  keychain = new MemoryKeychain()
  service = await started()
})
afterEach(async () => {
  service.stop()
  await fake.close()
  dir.remove()
})

async function started(): Promise<CredentialService> {
  const created = new CredentialService({ dataDir: dir.path, keychain })
  await created.start()
  return created
}

const add = (name = 'Acme', apiKey = 'good-key', rememberApiKey = false) =>
  service.add({ name, environment: fake.url, apiKey, rememberApiKey })

/** Every file under the data directory, with its content. */
function filesIn(path: string): string[] {
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((name) => join(path, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => readFileSync(file, 'utf8'))
}

describe('add', () => {
  it('signs in first, then saves the profile and its secrets', async () => {
    const profile = await add()
    expect(profile).toMatchObject({
      name: 'Acme',
      environment: { kind: 'custom', baseUrl: fake.url },
      environmentLabel: new URL(fake.url).host,
      session: { status: 'valid' },
    })
    expect(profile.session.expiresAt).toBeGreaterThan(Date.now() + 3500_000)
    expect((await service.list()).map((p) => p.name)).toEqual(['Acme'])
    expect(refreshTokenIn(keychain.entries.get(`${profile.id}/session`))).toMatch(/^def50200/)
    expect(keychain.entries.has(`${profile.id}/api-key`)).toBe(false)
    const restarted = await started()
    expect(await restarted.list()).toMatchObject([{ name: 'Acme', session: { status: 'valid' } }])
    restarted.stop()
  })

  it('saves nothing, neither file nor keychain, when api.video refuses the key', async () => {
    await expect(add('Acme', 'wrong-key')).rejects.toMatchObject({
      kind: 'credentials-rejected',
      message: 'The user credentials were incorrect.',
    })
    expect(await service.list()).toEqual([])
    expect(readdirSync(dir.path).filter((f) => f.endsWith('.json'))).toEqual([])
    expect(keychain.entries.size).toBe(0)
  })

  it('refuses a taken name, ignoring case, before calling api.video', async () => {
    await add('Acme')
    fake.clearLog()
    await expect(add('  ACME ')).rejects.toThrow('A profile named "ACME" already exists')
    expect(fake.requests).toEqual([])
  })

  it.each([
    ['', /needs a name/],
    ['x'.repeat(65), /at most 64/],
  ])('refuses the name %j', async (name, message) => {
    await expect(add(name)).rejects.toThrow(message)
  })

  it('remembers the API key only when asked', async () => {
    const profile = await add('Acme', 'good-key', true)
    expect(keychain.entries.get(`${profile.id}/api-key`)).toBe('good-key')
    expect(profile.session.remembersApiKey).toBe(true)
  })

  it('rolls the keychain back when the keychain fails half-way', async () => {
    keychain.failNextWrites(1)
    await expect(add()).rejects.toMatchObject({ kind: 'keychain-unavailable' })
    expect(keychain.entries.size).toBe(0)
    expect(await service.list()).toEqual([])
  })
})

describe('tokens', () => {
  it('serves a token valid for the configured minimum, refreshing first when needed', async () => {
    const now = { value: Date.now() }
    service.stop()
    service = new CredentialService({ dataDir: dir.path, keychain, clock: { now: () => now.value } })
    await service.start()
    const profile = await add()
    fake.clearLog()
    await service.updateSettings({ minValidityMinutes: 55 })
    const fresh = await service.getToken('acme')
    expect(fake.requests).toEqual([])
    now.value += 10 * 60_000 // 50 minutes left: less than the 55 the settings ask for
    const token = await service.getToken(profile.id)
    expect(fake.requestsTo('auth/refresh')).toHaveLength(1)
    expect(token.accessToken).not.toBe(fresh.accessToken)
    expect(token.expiresAt).toBe(now.value + 3600_000)
    await service.getToken(profile.id, { minValiditySeconds: 3000 })
    expect(fake.requestsTo('auth/refresh')).toHaveLength(1)
  })

  it('verifies, with latency, and reports a failure as a value', async () => {
    await add()
    await expect(service.verify('Acme')).resolves.toMatchObject({ ok: true, videoCount: 3 })
    fake.inject('videos', { kind: 'status', status: 503, body: '' })
    await expect(service.verify('Acme')).resolves.toMatchObject({ ok: false, error: { kind: 'server' } })
  })

  it('refreshes on request', async () => {
    const before = (await add()).session.expiresAt ?? 0
    const after = await service.refresh('Acme')
    expect(after.session.lastRefreshedAt).toBeDefined()
    expect(after.session.expiresAt).toBeGreaterThanOrEqual(before)
    expect(fake.requestsTo('auth/refresh')).toHaveLength(1)
  })

  it('signs in again with the API key, or the remembered one', async () => {
    await add('Acme', 'good-key', true)
    fake.revokeRefreshTokens()
    await expect(service.refresh('Acme')).resolves.toMatchObject({ session: { status: 'valid' } })
    await expect(service.signIn('Acme')).resolves.toMatchObject({ session: { status: 'valid' } })
    await service.signIn('Acme', 'good-key', false)
    expect(service.find('Acme').session.remembersApiKey).toBe(false)
    await expect(service.signIn('Acme')).rejects.toThrow(/does not remember it/)
  })

  it('idle() waits for a refresh in flight, so quitting never loses the new refresh token', async () => {
    const profile = await add()
    const before = refreshTokenIn(keychain.entries.get(`${profile.id}/session`))
    fake.inject('auth/refresh', { kind: 'latency', ms: 200 })
    const refreshing = service.refresh('Acme')
    await expect.poll(() => fake.inFlight('auth/refresh')).toBe(1)
    await service.idle()
    expect(refreshTokenIn(keychain.entries.get(`${profile.id}/session`))).not.toBe(before)
    expect(fake.requestsTo('auth/refresh').at(-1)?.issued?.refreshToken).toBe(
      refreshTokenIn(keychain.entries.get(`${profile.id}/session`)),
    )
    await refreshing
  })

  it('names the missing profile', async () => {
    await expect(service.getToken('nobody')).rejects.toThrow('There is no profile named "nobody".')
  })
})

describe('rename, remove, settings', () => {
  it('renames, keeping names unique regardless of case', async () => {
    await add('Acme')
    await add('Beta', 'second-key')
    await expect(service.rename('Beta', 'ACME')).rejects.toThrow(/already exists/)
    await service.rename('acme', 'Acme (prod)')
    expect((await service.list()).map((p) => p.name)).toEqual(['Acme (prod)', 'Beta'])
  })

  it('removes a profile and deletes its keychain entries', async () => {
    const acme = await add('Acme')
    const beta = await add('Beta', 'second-key')
    await service.remove('Acme')
    expect((await service.list()).map((p) => p.id)).toEqual([beta.id])
    expect([...keychain.entries.keys()].some((k) => k.startsWith(acme.id))).toBe(false)
    expect([...keychain.entries.keys()].some((k) => k.startsWith(beta.id))).toBe(true)
  })

  it('validates and keeps settings', async () => {
    await expect(service.updateSettings({ autoRefreshLeadMinutes: 31 })).rejects.toThrow(
      /autoRefreshLeadMinutes/,
    )
    await service.updateSettings({ autoRefreshLeadMinutes: 10, theme: 'dark', clipboardClearSeconds: 0 })
    const restarted = await started()
    expect(restarted.settings()).toMatchObject({
      autoRefreshLeadMinutes: 10,
      theme: 'dark',
      clipboardClearSeconds: 0,
    })
    restarted.stop()
  })
})

describe('events and activity', () => {
  it('tells subscribers what changed until they unsubscribe', async () => {
    const events: ServiceEvent['type'][] = []
    const unsubscribe = service.subscribe((event) => events.push(event.type))
    await add()
    expect(events).toContain('profiles')
    expect(events).toContain('activity')
    unsubscribe()
    const count = events.length
    await service.refresh('Acme')
    expect(events).toHaveLength(count)
  })

  it('logs tokens only as fingerprints', async () => {
    await add()
    const token = await service.getToken('Acme', { purpose: 'copy-header' })
    await service.refresh('Acme')
    await service.verify('Acme')
    const kinds = service.activity().map((entry) => entry.kind)
    expect(kinds).toEqual(['added', 'signed-in', 'copied', 'refreshed', 'verified'])
    const copied = service.activity()[2]
    expect(copied?.detail).toBe('Copied an Authorization header')
    expect(copied?.fingerprint).toMatch(/^[0-9a-f]{8}$/)
    expect(JSON.stringify(service.activity())).not.toContain(token.accessToken)
  })

  it('records each token a local endpoint uses once, not once per request', async () => {
    await add()
    const lent = () =>
      service.activity().filter((entry) => entry.detail === 'Lent the token to a local endpoint')
    for (let i = 0; i < 3; i += 1)
      await service.getToken('Acme', { minValiditySeconds: 60, purpose: 'proxy' })
    expect(lent()).toHaveLength(1)
    await service.refresh('Acme')
    await service.getToken('Acme', { minValiditySeconds: 60, purpose: 'proxy' })
    await service.getToken('Acme', { minValiditySeconds: 60, purpose: 'proxy' })
    expect(lent()).toHaveLength(2)
    expect(lent()[0]?.fingerprint).not.toBe(lent()[1]?.fingerprint)
    // Copies are each recorded: a person copying twice sees two lines.
    await service.getToken('Acme', { purpose: 'copy-token' })
    await service.getToken('Acme', { purpose: 'copy-token' })
    expect(service.activity().filter((entry) => entry.detail === 'Copied the token')).toHaveLength(2)
  })

  it('picks up profiles another process added or removed', async () => {
    const other = await started()
    await other.add({ name: 'From avcm', environment: fake.url, apiKey: 'good-key' })
    await service.reload()
    expect((await service.list()).map((p) => p.name)).toEqual(['From avcm'])
    expect(service.find('From avcm').session.status).toBe('valid')
    await other.remove('From avcm')
    await service.reload()
    expect(await service.list()).toEqual([])
    other.stop()
  })
})

describe('start-up problems', () => {
  it('starts with a clear error when the profiles file is corrupt, keeping the file aside', async () => {
    writeFileSync(join(dir.path, 'profiles.json'), '{ broken')
    const restarted = await started()
    expect(await restarted.list()).toEqual([])
    expect(restarted.problems()).toEqual([
      {
        kind: 'profiles-file-corrupt',
        message: expect.stringMatching(
          /could not be read \(it is not valid JSON\)\. It was moved aside/,
        ) as unknown,
      },
    ])
    const aside = readdirSync(dir.path).find((f) => f.startsWith('profiles.corrupt-'))
    expect(readFileSync(join(dir.path, aside ?? ''), 'utf8')).toBe('{ broken')
    restarted.stop()
  })

  it('reports a keychain that cannot be used, instead of signing profiles out', async () => {
    await add()
    keychain.failWith = 'Cannot autolaunch D-Bus without X11 $DISPLAY'
    const restarted = await started()
    expect(restarted.problems()[0]).toMatchObject({ kind: 'keychain-unavailable' })
    expect(restarted.find('Acme').session.status).not.toBe('signed-out')
    expect(restarted.find('Acme').session.lastError?.message).toMatch(/no D-Bus session bus/)
    restarted.stop()
  })
})

it('writes no token and no API key to any file in the data directory', async () => {
  await add('Acme', 'good-key', true)
  await add('Beta', 'second-key')
  await service.refresh('Acme')
  await service.getToken('Beta', { minValiditySeconds: 3599 })
  await service.verify('Beta')
  await service.rename('Beta', 'Gamma')
  await service.updateSettings({ theme: 'light' })
  const secrets = new Set([
    'good-key',
    'second-key',
    ...fake.requests
      .flatMap((r) => [r.issued?.accessToken, r.issued?.refreshToken])
      .filter((s) => s !== undefined),
  ])
  // Two API keys, and two tokens from each of two sign-ins and one refresh (the cached token is reused).
  expect(secrets.size).toBe(8)
  const contents = filesIn(dir.path)
  expect(contents.length).toBeGreaterThan(0)
  for (const content of contents) for (const secret of secrets) expect(content).not.toContain(secret)
})

describe('on-demand secrets (avcm)', () => {
  async function onDemand(): Promise<CredentialService> {
    const created = new CredentialService({ dataDir: dir.path, keychain, secrets: 'on-demand' })
    await created.start()
    return created
  }

  it('lists every profile’s real status right after start, with no prior preparation', async () => {
    const acme = await add('Acme')
    const beta = await add('Beta', 'second-key')
    const cli = await onDemand()
    expect(await cli.list()).toMatchObject([
      { name: 'Acme', session: { status: 'valid', expiresAt: acme.session.expiresAt } },
      { name: 'Beta', session: { status: 'valid', expiresAt: beta.session.expiresAt } },
    ])
    cli.stop()
  })

  it('announces profiles with their real status, and reads nothing for an event nobody listens to', async () => {
    await add('Acme')
    const cli = await onDemand()
    const reads = keychain.calls.get
    await cli.rename('Acme', 'Acme (prod)')
    expect(keychain.calls.get - reads).toBe(0)
    const events: ServiceEvent[] = []
    const unsubscribe = cli.subscribe((event) => events.push(event))
    await cli.rename('Acme (prod)', 'Acme')
    expect(events.find((event) => event.type === 'profiles')).toMatchObject({
      profiles: [{ name: 'Acme', session: { status: 'valid' } }],
    })
    unsubscribe()
    cli.stop()
  })

  it('reads only the secrets a command needs', async () => {
    const acme = await add('Acme')
    await add('Beta', 'second-key')
    const cli = await onDemand()
    const reads = keychain.calls.get
    expect(await cli.status('acme')).toMatchObject({
      session: { status: 'valid', expiresAt: acme.session.expiresAt },
    })
    expect((await cli.getToken('Acme')).accessToken).toBeTruthy()
    expect(keychain.calls.get - reads).toBe(1)
    await cli.list()
    expect(keychain.calls.get - reads).toBe(2)
    cli.stop()
  })
})
