import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requirePrivateKeychain, uniqueKeychainService } from '../../testing/private-keychain'
import { createKeytarKeychain } from './keytar-keychain'
import { SecretStore } from './secret-store'

const service = uniqueKeychainService()
const keychain = createKeytarKeychain(service)
const store = new SecretStore(keychain)

beforeAll(requirePrivateKeychain)
afterAll(async () => {
  if (process.env['AVCM_PRIVATE_KEYCHAIN'] !== '1') return
  for (const { account } of await keychain.findAll()) await keychain.delete(account)
})

describe('the keytar adapter against a real Secret Service', () => {
  it('passes the health probe and leaves nothing behind', async () => {
    await expect(store.probe()).resolves.toBeUndefined()
    expect(await keychain.findAll()).toEqual([])
  })

  it('stores api.video-sized tokens in one entry and reads many profiles at once', async () => {
    const refreshToken = `def50200${'a1'.repeat(400)}`
    const access = {
      token: `eyJ${'b'.repeat(850)}`,
      expiresAt: 1_800_000_000_000,
      issuedAt: 1_799_996_400_000,
    }
    await store.saveSession('profile-1', { refreshToken, access })
    await store.saveSession('profile-2', { refreshToken: 'r2' })
    await store.saveApiKey('profile-2', 'k2')
    const all = await store.readMany(['profile-1', 'profile-2'])
    expect(all.get('profile-1')).toEqual({ refreshToken, access })
    expect(all.get('profile-2')).toEqual({ refreshToken: 'r2' })
    expect(await store.readApiKey('profile-2')).toBe('k2')
  })

  it('deletes a profile’s entries and nothing else', async () => {
    await store.deleteAll('profile-2')
    expect((await keychain.findAll()).map((entry) => entry.account)).toEqual(['profile-1/session'])
    expect(await store.read('profile-2')).toEqual({})
  })
})
