import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../testing/temp-dir'
import { systemClock } from '../clock'
import type { Profile } from '../profiles/schema'
import { KeychainError } from '../secrets/keychain-errors'
import { MemoryKeychain } from '../secrets/memory-keychain'
import { SecretStore } from '../secrets/secret-store'
import { encodeSession, sessionAccount } from '../secrets/session-entry'
import { Registry } from './registry'
import { SecretLoader, type SecretLoading } from './secret-loader'

let dir: ReturnType<typeof tempDir>
let keychain: MemoryKeychain
let registry: Registry
let problems: KeychainError[]
const expiresAt = Date.now() + 3600_000

const profile = (id: string): Profile => ({
  id,
  name: id.toUpperCase(),
  environment: { kind: 'custom', baseUrl: 'http://127.0.0.1:9' },
  createdAt: 0,
  rememberApiKey: false,
  demo: false,
})

beforeEach(() => {
  dir = tempDir()
  keychain = new MemoryKeychain()
  problems = []
  for (const id of ['a', 'b', 'c']) {
    const access = { token: `access-${id}`, expiresAt, issuedAt: Date.now() }
    keychain.entries.set(sessionAccount(id), encodeSession({ refreshToken: `refresh-${id}`, access }))
  }
})
afterEach(() => {
  for (const id of registry.ids()) registry.delete(id)
  dir.remove()
})

async function started(mode: SecretLoading): Promise<SecretLoader> {
  const secrets = new SecretStore(keychain)
  registry = new Registry({
    dataDir: dir.path,
    secrets,
    clock: systemClock,
    random: () => 0.5,
    fetch: undefined,
    requestTimeoutMs: undefined,
    autoRefresh: false,
    leadMs: () => 5 * 60_000,
    onChange: () => undefined,
    onActivity: () => undefined,
  })
  const loader = new SecretLoader({ registry, secrets, mode, onProblem: (error) => problems.push(error) })
  await loader.start(['a', 'b', 'c'].map(profile))
  return loader
}

const status = (id: string) => registry.view(id).session.status

describe('SecretLoader', () => {
  it('eager: loads every profile at start, one read each', async () => {
    await started('eager')
    expect(keychain.calls.get).toBe(3)
    expect(['a', 'b', 'c'].map(status)).toEqual(['valid', 'valid', 'valid'])
  })

  it('on demand: reads nothing at start, then only the profile asked for, once', async () => {
    const loader = await started('on-demand')
    expect(keychain.calls.get).toBe(0)
    const entry = await loader.entry('B')
    expect(entry.profile.id).toBe('b')
    expect(registry.view('b').session).toMatchObject({ status: 'valid', expiresAt })
    await loader.entry('b')
    expect(keychain.calls.get).toBe(1)
    await loader.everything()
    expect(keychain.calls.get).toBe(3)
    expect(['a', 'b', 'c'].map(status)).toEqual(['valid', 'valid', 'valid'])
    await loader.everything()
    expect(keychain.calls.get).toBe(3)
  })

  it('on demand: a keychain that cannot be used is thrown and shown', async () => {
    const loader = await started('on-demand')
    keychain.failWith = 'The name org.freedesktop.secrets was not provided by any .service files'
    await expect(loader.everything()).rejects.toBeInstanceOf(KeychainError)
    expect(problems).toHaveLength(1)
  })
})
