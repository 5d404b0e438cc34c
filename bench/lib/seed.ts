import { randomUUID } from 'node:crypto'
import { systemClock } from '../../main/core/clock'
import { ProfileStore } from '../../main/core/profiles/profile-store'
import type { Profile } from '../../main/core/profiles/schema'
import type { Keychain } from '../../main/core/secrets/keychain'
import { SecretStore } from '../../main/core/secrets/secret-store'
import type { Scratch } from './keychain'
import { rawSignIn } from './raw-api'

/** What to seed. */
export interface SeedOptions {
  readonly count: number
  readonly baseUrl: string
  readonly apiKey: string
  readonly keychain: Keychain
  readonly dataDir: string
  /** Store access tokens that expired a second ago instead of the fresh ones api.video granted. */
  readonly expired?: boolean
  /** Names are `${prefix}${i}`; with a count of 1, the name is the prefix itself. */
  readonly prefix?: string
}

/**
 * Writes `count` profiles the way the engine stores them, without going through `add` (which would cost a
 * locked, fsynced write of the profiles file per profile): tokens granted by the fake server, saved through
 * the engine's SecretStore, then one profiles file written by its ProfileStore.
 */
export async function seedProfiles(options: SeedOptions): Promise<Profile[]> {
  const secrets = new SecretStore(options.keychain)
  const now = Date.now()
  const prefix = options.prefix ?? 'bench-'
  const profiles: Profile[] = []
  for (let i = 0; i < options.count; i += 1) {
    const grant = await rawSignIn(options.baseUrl, options.apiKey)
    const lifetimeMs = grant.expiresIn * 1000
    const expiresAt = options.expired === true ? now - 1000 : now + lifetimeMs
    const profile: Profile = {
      id: randomUUID(),
      name: options.count === 1 ? prefix : `${prefix}${i + 1}`,
      environment: { kind: 'custom', baseUrl: options.baseUrl },
      createdAt: now,
      rememberApiKey: false,
      demo: false,
    }
    await secrets.saveSession(profile.id, {
      refreshToken: grant.refreshToken,
      access: { token: grant.accessToken, expiresAt, issuedAt: expiresAt - lifetimeMs },
    })
    profiles.push(profile)
  }
  await new ProfileStore(options.dataDir, systemClock).update((document) => ({
    document: { ...document, profiles: [...document.profiles, ...profiles] },
    result: undefined,
  }))
  return profiles
}

/**
 * Seeds one profile, `acme`, in a scratch space and returns the environment that runs the built `avcm` on
 * it: that data folder and keychain service, and no NODE_OPTIONS (nothing preloaded into the timed process).
 */
export async function avcmWithOneProfile(
  space: Pick<Scratch, 'raw' | 'dataDir' | 'service'>,
  baseUrl: string,
  apiKey: string,
): Promise<NodeJS.ProcessEnv> {
  await seedProfiles({
    count: 1,
    prefix: 'acme',
    baseUrl,
    apiKey,
    keychain: space.raw,
    dataDir: space.dataDir,
  })
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AVCM_DATA_DIR: space.dataDir,
    AVCM_KEYCHAIN_SERVICE: space.service,
  }
  delete env['NODE_OPTIONS']
  return env
}
