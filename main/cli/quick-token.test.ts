import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemoryKeychain } from '../core/secrets/memory-keychain'
import { encodeSession } from '../core/secrets/session-entry'
import { CredentialService } from '../core/service/service'
import { tempDir } from '../testing/temp-dir'
import { quickToken } from './quick-token'

const NOW = 1_800_000_000_000
let dir: ReturnType<typeof tempDir>
let keychain: MemoryKeychain

beforeEach(() => {
  dir = tempDir()
  keychain = new MemoryKeychain()
  writeFileSync(
    join(dir.path, 'profiles.json'),
    JSON.stringify({
      version: 1,
      profiles: [{ id: 'p-acme', name: 'Acme Prod', environment: { kind: 'sandbox' }, createdAt: 1 }],
      settings: { minValidityMinutes: 10 },
    }),
  )
  keychain.entries.set(
    'p-acme/session',
    encodeSession({
      refreshToken: 'r',
      access: { token: 'a.b.c', expiresAt: NOW + 30 * 60_000, issuedAt: NOW - 60_000 },
    }),
  )
})
afterEach(() => dir.remove())

const ask = (reference: string, minValiditySeconds?: number) =>
  quickToken({ dataDir: dir.path, reference, minValiditySeconds, keychain, clock: { now: () => NOW } })

describe('quickToken', () => {
  it('serves a stored token that is good enough, finding the profile by name or id', async () => {
    await expect(ask('acme prod')).resolves.toEqual({ accessToken: 'a.b.c', expiresAt: NOW + 30 * 60_000 })
    await expect(ask('p-acme', 1799)).resolves.toMatchObject({ accessToken: 'a.b.c' })
    expect(keychain.calls.get).toBe(2)
  })

  it('leaves everything else to the engine', async () => {
    await expect(ask('acme prod', 1801)).resolves.toBeUndefined() // expires too soon
    await expect(ask('nobody')).resolves.toBeUndefined()
    keychain.entries.set('p-acme/session', 'garbage')
    await expect(ask('acme prod')).resolves.toBeUndefined()
    keychain.failWith = 'Cannot autolaunch D-Bus without X11 $DISPLAY'
    await expect(ask('acme prod')).resolves.toBeUndefined()
    writeFileSync(join(dir.path, 'profiles.json'), '{ broken')
    await expect(ask('acme prod')).resolves.toBeUndefined()
  })

  it('honours the minimum validity setting by default, and leaves a setting out of range to the engine', async () => {
    const withSetting = (minValidityMinutes: unknown) =>
      writeFileSync(
        join(dir.path, 'profiles.json'),
        JSON.stringify({
          version: 1,
          profiles: [{ id: 'p-acme', name: 'Acme Prod', environment: { kind: 'sandbox' } }],
          settings: { minValidityMinutes },
        }),
      )
    withSetting(31) // the token lives 31 min and has 30 left
    await expect(ask('acme prod')).resolves.toBeUndefined()
    withSetting(30)
    await expect(ask('acme prod')).resolves.toMatchObject({ accessToken: 'a.b.c' })
    for (const outOfRange of [0, 56, 10.5, '10']) {
      withSetting(outOfRange)
      await expect(ask('acme prod')).resolves.toBeUndefined()
    }
  })

  it.each([
    ['plain http beyond this computer', { kind: 'custom', baseUrl: 'http://attacker.example' }],
    ['a user name in the URL', { kind: 'custom', baseUrl: 'https://u:p@proxy.example.com' }],
    ['no environment at all', undefined],
    ['an unknown kind', { kind: 'staging' }],
  ])('leaves a profile with %s to the engine, which refuses it', async (_, environment) => {
    writeFileSync(
      join(dir.path, 'profiles.json'),
      JSON.stringify({ version: 1, profiles: [{ id: 'p-acme', name: 'Acme Prod', environment }] }),
    )
    await expect(ask('acme prod')).resolves.toBeUndefined()
  })

  it('serves a profile with a custom base URL the rule allows', async () => {
    for (const baseUrl of ['https://proxy.example.com/api', 'http://127.0.0.1:8787']) {
      writeFileSync(
        join(dir.path, 'profiles.json'),
        JSON.stringify({
          version: 1,
          profiles: [{ id: 'p-acme', name: 'Acme Prod', environment: { kind: 'custom', baseUrl } }],
        }),
      )
      await expect(ask('acme prod')).resolves.toMatchObject({ accessToken: 'a.b.c' })
    }
  })
})

describe('quickToken and the engine', () => {
  const ID = 'p-acme-0001'
  const ISSUED = NOW - 60 * 60_000
  const EXPIRES = ISSUED + 30 * 60_000 // a 30-minute token

  /** The same profile, setting and stored token, for both. */
  function store(minValidityMinutes: number): void {
    writeFileSync(
      join(dir.path, 'profiles.json'),
      JSON.stringify({
        version: 1,
        profiles: [{ id: ID, name: 'Acme', environment: { kind: 'sandbox' }, createdAt: 1 }],
        settings: { minValidityMinutes },
      }),
    )
    keychain.entries.set(
      `${ID}/session`,
      encodeSession({ refreshToken: 'r', access: { token: 'a.b.c', expiresAt: EXPIRES, issuedAt: ISSUED } }),
    )
  }

  /** Whether each serves the stored token at `now`; the engine's alternative is a refresh (refused here). */
  async function served(now: number, minValiditySeconds: number | undefined) {
    const quick = await quickToken({
      dataDir: dir.path,
      reference: 'acme',
      minValiditySeconds,
      keychain,
      clock: { now: () => now },
    })
    let requests = 0
    const engine = new CredentialService({
      dataDir: dir.path,
      keychain,
      clock: { now: () => now },
      autoRefresh: false,
      secrets: 'on-demand',
      fetch: () => {
        requests += 1
        return Promise.reject(new TypeError('fetch failed'))
      },
    })
    await engine.start()
    const token = await engine
      .getToken('acme', minValiditySeconds === undefined ? {} : { minValiditySeconds })
      .catch(() => undefined)
    engine.stop()
    return {
      quick: quick?.accessToken === 'a.b.c',
      engine: token?.accessToken === 'a.b.c' && requests === 0,
    }
  }

  it.each([
    ['a minimum the lifetime allows, from --min-valid', 10, 600, 10 * 60_000],
    ['a minimum the lifetime allows, from the setting', 10, undefined, 10 * 60_000],
    ['a minimum past the lifetime, relaxed to half of it', 45, undefined, 15 * 60_000],
    ['a --min-valid past the lifetime, relaxed to half of it', 10, 3000, 15 * 60_000],
  ])('agree at the boundary, with %s', async (_, setting, seconds, effective) => {
    store(setting)
    await expect(served(EXPIRES - effective, seconds)).resolves.toEqual({ quick: true, engine: true })
    await expect(served(EXPIRES - effective + 1, seconds)).resolves.toEqual({ quick: false, engine: false })
  })
})
