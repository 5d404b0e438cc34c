import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeApiVideo, type FakeApiVideo } from '../../fake-api/server'
import { tempDir } from '../../testing/temp-dir'
import { MemoryKeychain } from '../secrets/memory-keychain'
import { encodeSession } from '../secrets/session-entry'
import { CredentialService } from './service'

// Anything that can write profiles.json could point a profile at a server of its choosing; the refresh token
// and a remembered API key must never be sent there over plain http.

const BAD_ID = 'bad-profile-0001'
const BAD_URL = 'http://attacker.example'

let fake: FakeApiVideo
let dir: ReturnType<typeof tempDir>
let keychain: MemoryKeychain
let service: CredentialService
/** Every URL the service asked fetch for; only the fake is really reached, anything else fails at once. */
let fetched: string[]

const recordingFetch: typeof fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input)
  fetched.push(url)
  if (new URL(url).origin !== new URL(fake.url).origin)
    return Promise.reject(new TypeError('fetch failed (no network in this test)'))
  return fetch(input, init)
}

const profilesFile = () => join(dir.path, 'profiles.json')
const readProfiles = () =>
  JSON.parse(readFileSync(profilesFile(), 'utf8')) as { profiles: { id: string; environment: unknown }[] }

beforeEach(async () => {
  fake = await startFakeApiVideo({ apiKeys: ['good-key', 'second-key'] })
  dir = tempDir()
  keychain = new MemoryKeychain()
  fetched = []
  // A good profile, added the ordinary way.
  const setup = new CredentialService({ dataDir: dir.path, keychain, autoRefresh: false })
  await setup.start()
  await setup.add({ name: 'Good', environment: fake.url, apiKey: 'good-key' })
  setup.stop()
  // A bad one, written into the file by someone else, with an expired access token (so an automatic
  // refresh is due at once) and a remembered API key.
  const document = readProfiles()
  document.profiles.push({
    id: BAD_ID,
    name: 'Bad',
    environment: { kind: 'custom', baseUrl: BAD_URL },
    createdAt: 1,
    rememberApiKey: true,
  } as never)
  writeFileSync(profilesFile(), JSON.stringify(document, null, 2))
  const now = Date.now()
  keychain.entries.set(
    `${BAD_ID}/session`,
    encodeSession({
      refreshToken: 'bad-refresh-token',
      access: { token: 'bad.access.token', expiresAt: now - 1000, issuedAt: now - 3_601_000 },
    }),
  )
  keychain.entries.set(`${BAD_ID}/api-key`, 'second-key')
  fake.clearLog()
  service = new CredentialService({ dataDir: dir.path, keychain, fetch: recordingFetch })
  await service.start()
})
afterEach(async () => {
  service.stop()
  await fake.close()
  dir.remove()
})

const refusal = expect.objectContaining({
  kind: 'base-url-not-allowed',
  message: expect.stringMatching(
    /^This profile's base URL http:\/\/attacker\.example is not allowed: .*plain http:\/\/ is allowed only to this computer.*Remove the profile, or correct its base URL in profiles\.json\.$/,
  ) as unknown,
}) as unknown

/** Gives timers and promises a moment, so an automatic refresh that was going to start has started. */
const settle = async () => {
  await new Promise((resolve) => setTimeout(resolve, 50))
  await service.idle()
}

describe('a stored profile whose base URL the app refuses', () => {
  it('is shown as needing attention, without costing the file or the other profiles', async () => {
    await settle()
    expect(service.problems()).toEqual([])
    expect(readdirSync(dir.path).filter((f) => f.startsWith('profiles.corrupt-'))).toEqual([])
    const [good, bad] = await service.list()
    expect(good).toMatchObject({ name: 'Good', session: { status: 'valid' } })
    expect(bad).toMatchObject({
      id: BAD_ID,
      name: 'Bad',
      baseUrl: BAD_URL,
      session: { status: 'needs-sign-in', expiresAt: undefined, lastError: refusal },
    })
  })

  it('sends nothing to it: no automatic refresh, token, refresh, verify or sign-in', async () => {
    await settle()
    await expect(service.getToken('Bad')).rejects.toEqual(refusal)
    await expect(service.getToken('Bad', { minValiditySeconds: 0 })).rejects.toEqual(refusal)
    await expect(service.refresh('Bad')).rejects.toEqual(refusal)
    await expect(service.verify('Bad')).resolves.toEqual({ ok: false, error: refusal })
    await expect(service.signIn('Bad')).rejects.toEqual(refusal)
    await expect(service.signIn('Bad', 'second-key', false)).rejects.toEqual(refusal)
    expect(() => service.assertUsable('Bad')).toThrow(
      expect.objectContaining({ kind: 'base-url-not-allowed' }) as Error,
    )
    service.resume()
    await settle()
    expect(fetched.filter((url) => new URL(url).host === 'attacker.example')).toEqual([])
    expect(fake.requests.filter((r) => r.refreshToken === 'bad-refresh-token' || r.apiKey)).toEqual([])
    // Still refused after all that, and still needing attention.
    expect(service.find('Bad').session).toMatchObject({ status: 'needs-sign-in', lastError: refusal })
    expect(keychain.entries.get(`${BAD_ID}/api-key`)).toBe('second-key')
  })

  it('leaves the good profile working, and the bad one in the file for a person to fix', async () => {
    await expect(service.refresh('Good')).resolves.toMatchObject({ session: { status: 'valid' } })
    await expect(service.verify('Good')).resolves.toMatchObject({ ok: true })
    expect((await service.getToken('Good')).accessToken).toMatch(/^eyJ/)
    await service.rename('Good', 'Still good')
    expect(readProfiles().profiles.find((p) => p.id === BAD_ID)?.environment).toEqual({
      kind: 'custom',
      baseUrl: BAD_URL,
    })
    expect(() => service.assertUsable('Still good')).not.toThrow()
  })

  it('can be pointed elsewhere, or removed with its keychain entries, without a request to it', async () => {
    await expect(service.changeEnvironment('Bad', fake.url)).resolves.toMatchObject({
      session: { status: 'signed-out', lastError: undefined },
    })
    await expect(service.signIn('Bad', 'second-key')).resolves.toMatchObject({ session: { status: 'valid' } })
    await service.remove('Bad')
    expect([...keychain.entries.keys()].filter((k) => k.startsWith(BAD_ID))).toEqual([])
    expect(fetched.filter((url) => new URL(url).host === 'attacker.example')).toEqual([])
  })

  it('is caught when the file changes under a running app', async () => {
    const document = readProfiles()
    const good = document.profiles[0]
    if (good === undefined) throw new Error('no good profile')
    good.environment = { kind: 'custom', baseUrl: 'http://evil.example:8080/api' }
    writeFileSync(profilesFile(), JSON.stringify(document, null, 2))
    await service.reload()
    expect(service.find('Good').session).toMatchObject({
      status: 'needs-sign-in',
      lastError: { kind: 'base-url-not-allowed' },
    })
    await expect(service.getToken('Good')).rejects.toMatchObject({ kind: 'base-url-not-allowed' })
    await expect(service.refresh('Good')).rejects.toMatchObject({ kind: 'base-url-not-allowed' })
    await settle()
    expect(fetched.filter((url) => new URL(url).host.endsWith('.example'))).toEqual([])
  })

  it.each([
    ['https with a user name', 'https://user:secret@proxy.example.com', /user name or password/],
    ['a query', 'https://proxy.example.com/?to=elsewhere', /query/],
    ['plain http to *.localhost', 'http://app.localhost:3000', /plain http:\/\/ is allowed only/],
  ])('refuses %s the same way as when typed', async (_, baseUrl, reason) => {
    const document = readProfiles()
    const bad = document.profiles.find((p) => p.id === BAD_ID)
    if (bad === undefined) throw new Error('no bad profile')
    bad.environment = { kind: 'custom', baseUrl }
    writeFileSync(profilesFile(), JSON.stringify(document, null, 2))
    await service.reload()
    const { lastError } = service.find('Bad').session
    expect(lastError?.kind).toBe('base-url-not-allowed')
    expect(lastError?.message).toMatch(reason)
    expect(lastError?.message).not.toContain('secret')
  })
})
