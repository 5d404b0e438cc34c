import { describe, expect, it } from 'vitest'
import { classifyKeychainFailure, KeychainError } from './keychain-errors'
import { MemoryKeychain } from './memory-keychain'
import { SecretStore } from './secret-store'

const access = { token: 'a.b.c', expiresAt: 2_000_000, issuedAt: 1_000_000 }

describe('SecretStore', () => {
  it('keeps each secret in its own entry and loads every profile with one call', async () => {
    const keychain = new MemoryKeychain()
    const store = new SecretStore(keychain)
    await store.saveRefreshToken('p1', 'r1')
    await store.saveAccessToken('p1', access)
    await store.saveApiKey('p1', 'k1')
    await store.saveRefreshToken('p2', 'r2')
    expect([...keychain.entries.keys()].sort()).toEqual([
      'p1/access-token',
      'p1/api-key',
      'p1/refresh-token',
      'p2/refresh-token',
    ])
    for (const call of ['get', 'set', 'delete', 'findAll'] as const) keychain.calls[call] = 0
    const all = await store.loadAll()
    // One findCredentials for every profile; the only other traffic is the probe's canary.
    expect(keychain.calls).toEqual({ findAll: 1, get: 1, set: 1, delete: 1 })
    expect(all.get('p1')).toEqual({ refreshToken: 'r1', access, apiKey: 'k1' })
    expect(all.get('p2')).toEqual({ refreshToken: 'r2' })
  })

  it('deletes every entry of a profile, and the remembered key alone', async () => {
    const keychain = new MemoryKeychain()
    const store = new SecretStore(keychain)
    await store.saveRefreshToken('p1', 'r1')
    await store.saveApiKey('p1', 'k1')
    await store.deleteApiKey('p1')
    expect(await store.read('p1')).toEqual({ refreshToken: 'r1' })
    await store.deleteAll('p1')
    expect(keychain.entries.size).toBe(0)
  })

  it('refuses a secret over the 2,560 bytes Windows can hold, saying so', async () => {
    const store = new SecretStore(new MemoryKeychain())
    await expect(store.saveRefreshToken('p1', 'x'.repeat(2561))).rejects.toMatchObject({
      kind: 'keychain-unavailable',
      problem: 'too-large',
      message: expect.stringMatching(/2,560 bytes/) as unknown,
    })
    await expect(store.saveRefreshToken('p1', 'x'.repeat(2560))).resolves.toBeUndefined()
  })

  it('refuses to list a locked keychain instead of listing nothing', async () => {
    const keychain = new MemoryKeychain()
    const store = new SecretStore(keychain)
    await store.saveRefreshToken('p1', 'r1')
    keychain.locked = true
    await expect(store.loadAll()).rejects.toMatchObject({ problem: 'locked' })
    expect(keychain.calls.findAll).toBe(0)
  })

  it('refuses to delete from a locked keychain, which would pretend it did', async () => {
    const keychain = new MemoryKeychain()
    const store = new SecretStore(keychain)
    await store.saveRefreshToken('p1', 'r1')
    keychain.locked = true
    await expect(store.deleteAll('p1')).rejects.toMatchObject({ problem: 'locked' })
    keychain.locked = false
    expect(await store.read('p1')).toEqual({ refreshToken: 'r1' })
  })

  it('does not believe a missing refresh token from a locked keychain', async () => {
    const keychain = new MemoryKeychain()
    const store = new SecretStore(keychain)
    await store.saveRefreshToken('p1', 'r1')
    keychain.locked = true
    await expect(store.read('p1')).rejects.toMatchObject({ problem: 'locked' })
    keychain.locked = false
    expect(await store.read('p1')).toEqual({ refreshToken: 'r1' })
    expect(await store.read('nobody')).toEqual({})
  })

  it('probes with a canary it cleans up', async () => {
    const keychain = new MemoryKeychain()
    await new SecretStore(keychain).probe()
    expect(keychain.calls).toMatchObject({ set: 1, get: 1, delete: 1 })
    expect(keychain.entries.size).toBe(0)
  })

  it('gives up on a keychain that does not answer', async () => {
    const keychain = new MemoryKeychain()
    keychain.get = () => new Promise(() => undefined)
    const store = new SecretStore(keychain, 50)
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
