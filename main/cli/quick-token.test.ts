import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemoryKeychain } from '../core/secrets/memory-keychain'
import { encodeSession } from '../core/secrets/session-entry'
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

  it('honours the minimum validity setting by default', async () => {
    writeFileSync(
      join(dir.path, 'profiles.json'),
      JSON.stringify({
        version: 1,
        profiles: [{ id: 'p-acme', name: 'Acme Prod', environment: { kind: 'sandbox' } }],
        settings: { minValidityMinutes: 45 },
      }),
    )
    await expect(ask('acme prod')).resolves.toBeUndefined()
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
