import { baseUrlOf, type Environment } from '../apivideo/environment'
import type { Profile } from '../profiles/schema'
import { KeychainError } from '../secrets/keychain-errors'
import type { ProfileSecrets, SecretStore } from '../secrets/secret-store'
import type { Entry, Registry } from './registry'

/**
 * `eager` (the app): every profile's secrets are read at start, in parallel. `on-demand`
 * (avcm): a profile's secrets are read when it is first used, so a command touches only what it needs.
 */
export type SecretLoading = 'eager' | 'on-demand'

/** What the loader works with. */
export interface SecretLoaderDeps {
  readonly registry: Registry
  readonly secrets: SecretStore
  readonly mode: SecretLoading
  /** A keychain that could not be used while loading every profile, to show the person. */
  readonly onProblem: (error: KeychainError) => void
}

/**
 * Puts each profile's secrets into its session, all at start or each when first asked for; the service only
 * asks for "the session of profile X, loaded".
 */
export class SecretLoader {
  /** Profiles whose secrets are not loaded yet (on-demand mode only, once `start` has run). */
  private readonly unloaded = new Set<string>()
  /** The reading of every unloaded profile in progress, which a second caller joins. */
  private loading: Promise<KeychainError | undefined> | undefined

  constructor(private readonly deps: SecretLoaderDeps) {}

  /** Creates the sessions of these profiles and, unless on demand, loads them all. */
  async start(profiles: readonly Profile[]): Promise<void> {
    for (const profile of profiles) {
      this.deps.registry.add(profile)
      this.unloaded.add(profile.id)
    }
    if (this.deps.mode === 'eager') await this.loadAll()
  }

  /** The entry of a profile (by id or name), its secrets loaded; a keychain that cannot be used is thrown. */
  async entry(reference: string): Promise<Entry> {
    const entry = this.deps.registry.resolve(reference)
    if (!this.unloaded.has(entry.profile.id)) return entry
    entry.session.load(await this.readSettled(entry.profile))
    this.unloaded.delete(entry.profile.id)
    return entry
  }

  /** Loads every profile not loaded yet; a keychain that cannot be used is thrown. */
  async everything(): Promise<void> {
    if (this.unloaded.size === 0) return
    const failure = await this.loadAll()
    if (failure !== undefined) throw failure
  }

  /**
   * Matches the sessions to the profiles as now on disk (another process added, renamed, repointed or removed
   * some): a new or repointed profile gets a new session, loaded at once.
   */
  async follow(profiles: readonly Profile[]): Promise<void> {
    const { registry } = this.deps
    const kept = new Set(profiles.map((p) => p.id))
    for (const id of registry.ids()) if (!kept.has(id)) registry.delete(id)
    for (const profile of profiles) {
      const existing = registry.get(profile.id)
      // A profile pointed elsewhere gets a new session: its tokens belong to the old server, and the new
      // base URL is checked like any loaded one.
      if (existing !== undefined && sameEnvironment(existing.profile.environment, profile.environment)) {
        existing.profile = profile
        continue
      }
      await this.renew(profile, true)
    }
  }

  /**
   * Gives a profile a new session loaded from the keychain (its environment changed, or another process
   * added it). With `tolerant`, a keychain that cannot be used leaves the session failing instead of throwing.
   */
  async renew(profile: Profile, tolerant = false): Promise<void> {
    const { session } = this.deps.registry.replace(profile)
    this.unloaded.delete(profile.id)
    try {
      session.load(await this.readSettled(profile))
    } catch (error) {
      if (!tolerant || !(error instanceof KeychainError)) throw error
      session.loadFailed(error)
    }
  }

  /** Every unloaded profile's tokens, read once however many ask at the same time. */
  private loadAll(): Promise<KeychainError | undefined> {
    this.loading ??= this.readAll().finally(() => {
      this.loading = undefined
    })
    return this.loading
  }

  /** Every unloaded profile's tokens, read in parallel; a failing keychain is a problem to show. */
  private async readAll(): Promise<KeychainError | undefined> {
    const { registry, secrets: store } = this.deps
    const ids = [...this.unloaded].filter((id) => registry.get(id) !== undefined)
    let secrets = new Map<string, ProfileSecrets>()
    let keychainFailure: KeychainError | undefined
    try {
      if (ids.length > 0) secrets = await store.readMany(ids)
      // An entry being rewritten by another process can read as missing: ask again under its lock.
      for (const id of ids) {
        const entry = registry.get(id)
        if (entry !== undefined && secrets.get(id)?.refreshToken === undefined) {
          secrets.set(id, await this.readSettled(entry.profile))
        }
      }
    } catch (error) {
      if (!(error instanceof KeychainError)) throw error
      keychainFailure = error
      this.deps.onProblem(error)
    }
    for (const id of ids) {
      const session = registry.get(id)?.session
      if (keychainFailure === undefined) session?.load(secrets.get(id) ?? {})
      else session?.loadFailed(keychainFailure)
    }
    this.unloaded.clear()
    return keychainFailure
  }

  /**
   * A profile's tokens; if the entry reads as missing, read again under the profile's lock, so a rewrite by
   * another process in the middle of the read is not taken for a signed-out profile.
   */
  private async readSettled(profile: Profile): Promise<ProfileSecrets> {
    const secrets = await this.deps.secrets.read(profile.id)
    if (secrets.refreshToken !== undefined) return secrets
    return this.deps.registry.withProfileLock(profile, () => this.deps.secrets.read(profile.id))
  }
}

function sameEnvironment(a: Environment, b: Environment): boolean {
  return baseUrlOf(a) === baseUrlOf(b)
}
