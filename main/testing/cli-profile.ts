import { expect } from 'vitest'
import { createKeytarKeychain } from '../core/secrets/keytar-keychain'
import { startFakeApiVideo, type FakeApiOptions, type FakeApiVideo } from '../fake-api/server'
import { requirePrivateKeychain, uniqueKeychainService } from './private-keychain'
import { runAvcm } from './run-avcm'
import { tempDir } from './temp-dir'

/** A fake api.video, a data directory and a keychain service of their own, with profile "acme" added by avcm. */
export interface CliProfile {
  readonly fake: FakeApiVideo
  readonly dataDir: string
  readonly keychainService: string
  /** The environment avcm runs with: this data directory and keychain service. */
  readonly env: Record<string, string | undefined>
  /** Deletes the keychain entries and the data directory, and stops the fake. */
  close(): Promise<void>
}

/** Sets up {@link CliProfile}, for tests that run avcm and other processes against one profile. */
export async function cliProfile(fakeOptions: FakeApiOptions = {}): Promise<CliProfile> {
  requirePrivateKeychain()
  const fake = await startFakeApiVideo({ apiKeys: ['key'], ...fakeOptions })
  const dir = tempDir()
  const keychainService = uniqueKeychainService()
  const env = { ...process.env, AVCM_DATA_DIR: dir.path, AVCM_KEYCHAIN_SERVICE: keychainService }
  expect((await runAvcm(['add', 'acme', '--env', fake.url], { env, input: 'key' })).code).toBe(0)
  return {
    fake,
    dataDir: dir.path,
    keychainService,
    env,
    close: async () => {
      const keychain = createKeytarKeychain(keychainService)
      for (const { account } of await keychain.findAll()) await keychain.delete(account)
      await fake.close()
      dir.remove()
    },
  }
}
