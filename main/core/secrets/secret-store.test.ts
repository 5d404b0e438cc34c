import { describe, expect, it } from 'vitest'
import { classifyKeychainFailure, KeychainError } from './keychain-errors'
import { MemoryKeychain } from './memory-keychain'
import { SecretStore } from './secret-store'

const access = { token: 'a.b.c', expiresAt: 2_000_000, issuedAt: 1_000_000 }

describe('SecretStore', () => {
  it('keeps a profile’s tokens in one entry, the API key in another, and reads many profiles at once', async () => {
    const keychain = new MemoryKeychain()
    const store = new SecretStore(keychain)
    await store.saveSession('p1', { refreshToken: 'r1', access })
    await store.saveApiKey('p1', 'k1')
    await store.saveSession('p2', { refreshToken: 'r2' })
    expect([...keychain.entries.keys()].sort()).toEqual(['p1/api-key', 'p1/session', 'p2/session'])
    for (const call of ['get', 'set', 'delete', 'findAll'] as const) keychain.calls[call] = 0
    const all = await store.readMany(['p1', 'p2'])
    // One read per profile, no listing of the whole keychain, and no probe when nothing is missing.
    expect(keychain.calls).toEqual({ get: 2, set: 0, delete: 0, findAll: 0 })
    expect(all.get('p1')).toEqual({ refreshToken: 'r1', access })
    expect(all.get('p2')).toEqual({ refreshToken: 'r2' })
    expect(await store.readApiKey('p1')).toBe('k1')
    expect(await store.readApiKey('p2')).toBeUndefined()
  })

  it('deletes every entry of a profile, and the remembered key alone', async () => {
    const keychain = new MemoryKeychain()
    const store = new SecretStore(keychain)
    await store.saveSession('p1', { refreshToken: 'r1' })
    await store.saveApiKey('p1', 'k1')
    await store.deleteApiKey('p1')
    expect([...keychain.entries.keys()]).toEqual(['p1/session'])
    await store.saveApiKey('p1', 'k1')
    await store.deleteTokens('p1')
    expect([...keychain.entries.keys()]).toEqual(['p1/api-key'])
    await store.deleteAll('p1')
    expect(keychain.entries.size).toBe(0)
  })

  it('refuses an entry over the 2,560 bytes Windows can hold, saying so', async () => {
    const store = new SecretStore(new MemoryKeychain())
    await expect(store.saveSession('p1', { refreshToken: 'x'.repeat(2550) })).rejects.toMatchObject({
      kind: 'keychain-unavailable',
      problem: 'too-large',
      message: expect.stringMatching(/2,560 bytes/) as unknown,
    })
    // api.video's tokens, 700 to 900 characters each, fit together with room to spare.
    await expect(
      store.saveSession('p1', {
        refreshToken: 'r'.repeat(900),
        access: { ...access, token: 'a'.repeat(900) },
      }),
    ).resolves.toBeUndefined()
  })

  it('refuses to read from a locked keychain instead of reading nothing', async () => {
    const keychain = new MemoryKeychain()
    const store = new SecretStore(keychain)
    await store.saveSession('p1', { refreshToken: 'r1' })
    keychain.locked = true
    await expect(store.readMany(['p1'])).rejects.toMatchObject({ problem: 'locked' })
    await expect(store.read('p1')).rejects.toMatchObject({ problem: 'locked' })
    keychain.locked = false
    expect(await store.read('p1')).toEqual({ refreshToken: 'r1' })
  })

  it('believes a missing entry after a good probe', async () => {
    const keychain = new MemoryKeychain()
    const store = new SecretStore(keychain)
    expect(await store.read('nobody')).toEqual({})
    expect(keychain.calls).toMatchObject({ set: 1, get: 2, delete: 1 })
    expect(keychain.entries.size).toBe(0)
  })

  it('treats an entry it cannot read as missing', async () => {
    const keychain = new MemoryKeychain()
    keychain.entries.set('p1/session', 'not json')
    expect(await new SecretStore(keychain).read('p1')).toEqual({})
  })

  it('refuses to delete from a locked keychain, which would pretend it did', async () => {
    const keychain = new MemoryKeychain()
    const store = new SecretStore(keychain)
    await store.saveSession('p1', { refreshToken: 'r1' })
    keychain.locked = true
    await expect(store.deleteAll('p1')).rejects.toMatchObject({ problem: 'locked' })
    keychain.locked = false
    expect(await store.read('p1')).toEqual({ refreshToken: 'r1' })
  })

  it('gives up on a keychain that does not answer', async () => {
    const keychain = new MemoryKeychain()
    keychain.get = () => new Promise(() => undefined)
    const store = new SecretStore(keychain, { timeoutMs: 50 })
    await expect(store.read('p1')).rejects.toMatchObject({ problem: 'timeout' })
  })
})

describe('classifyKeychainFailure', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no-session-bus', /no D-Bus session bus/],
    [
      'The name org.freedesktop.secrets was not provided by any .service files',
      'no-secret-service',
      /apt-get install gnome-keyring/,
    ],
    ['Cannot create an item in a locked collection', 'locked', /locked/],
    ['No such secret collection at path: /org/freedesktop/secrets/aliases/default', 'locked', /Unlock it/],
    ['User canceled the operation.', 'denied', /denied/],
    ['Something odd', 'failed', /The keychain failed: Something odd\./],
  ])('%s → %s', (message, problem, text) => {
    const error = classifyKeychainFailure(new Error(message))
    expect(error).toBeInstanceOf(KeychainError)
    expect(error.kind).toBe('keychain-unavailable')
    expect(error.problem).toBe(problem)
    expect(error.message).toMatch(text)
  })
})
