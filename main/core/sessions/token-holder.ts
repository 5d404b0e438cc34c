import type { TokenGrant } from '../apivideo/client'
import type { Clock } from '../clock'
import { AppError, isAppError } from '../errors'
import type { HeldLock } from '../file-lock'
import { KeychainError } from '../secrets/keychain-errors'
import type { ProfileSecrets, SecretStore, StoredAccessToken } from '../secrets/secret-store'
import { randomBytes } from 'node:crypto'
import { backoffDelay } from './schedule'
import { shown, type ShownError } from './session-state'

/** What a {@link TokenHolder} needs. */
export interface TokenHolderDeps {
  readonly profileId: string
  readonly secrets: SecretStore
  readonly clock: Clock
  readonly random: () => number
}

/**
 * The tokens one session holds in memory, and whether the keychain has them yet. The refresh token api.video
 * issued last is never dropped: if the keychain refuses it, it stays here, is used for the next rotation,
 * and is saved again with backoff until the keychain takes it.
 */
export class TokenHolder {
  private refresh: string | undefined
  private current: StoredAccessToken | undefined
  /** The refresh token here was refused by api.video. */
  rejected = false
  /** The keychain does not hold our newest tokens yet. */
  private unsaved = false
  private saveRetryAt: number | undefined
  private saveFailures = 0
  private problem: ShownError | undefined
  /**
   * The rotation generation (the lock's note) under which this process last knew the keychain entry to hold
   * exactly our tokens: read with the entry under the lock, or written by us after our own keychain write.
   */
  private seen: string | undefined

  constructor(private readonly deps: TokenHolderDeps) {}

  get refreshToken(): string | undefined {
    return this.refresh
  }

  get access(): StoredAccessToken | undefined {
    return this.current
  }

  /** Set while the newest tokens live only in memory, or the keychain failed otherwise. */
  get keychainError(): ShownError | undefined {
    return this.problem
  }

  /** The access token's whole lifetime, in ms (0 without one). */
  lifetime(): number {
    return this.current === undefined ? 0 : this.current.expiresAt - this.current.issuedAt
  }

  /** Takes what the keychain holds. */
  adopt(secrets: ProfileSecrets): void {
    this.refresh = secrets.refreshToken
    this.current = secrets.access
  }

  /**
   * Re-reads the keychain, since another process may have rotated the tokens, unless the rotation generation
   * beside the lock (`held`, under the lock) is the one this process last saw: then nobody wrote the entry
   * since. A missing or unreadable generation, or none to read, means re-read. Kept tokens win while the
   * keychain has not taken them; a keychain failure is tolerated only while a refresh token is in memory.
   */
  async sync(held?: HeldLock): Promise<void> {
    const generation = held === undefined ? undefined : await held.readNote()
    if (generation !== undefined && generation === this.seen && !this.unsaved) return
    this.seen = undefined
    let stored: ProfileSecrets
    try {
      stored = await this.deps.secrets.read(this.deps.profileId)
    } catch (error) {
      if (this.refresh === undefined || !(error instanceof KeychainError)) throw error
      this.problem = shown(error, this.deps.clock.now())
      return
    }
    if (this.unsaved) return
    if (stored.refreshToken !== this.refresh) {
      this.adopt(stored)
      this.rejected = false
    }
    this.seen = generation
  }

  /**
   * After api.video refused `used`: reads the keychain whatever the generation says, and takes its tokens if
   * they hold another refresh token. That covers a process that rotates without keeping the generation (an
   * older app or avcm during an upgrade). True when there is a new token to try.
   */
  async resync(used: string): Promise<boolean> {
    if (this.unsaved) return false
    let stored: ProfileSecrets
    try {
      stored = await this.deps.secrets.read(this.deps.profileId)
    } catch {
      return false
    }
    if (stored.refreshToken === undefined || stored.refreshToken === used) return false
    this.adopt(stored)
    this.rejected = false
    this.seen = undefined
    return true
  }

  /**
   * Saves the new tokens (refresh and access, in one keychain write) before holding them, so the access
   * token is never handed out before the refresh token that came with it is safe; a keychain failure keeps
   * them here, served, and saved later.
   */
  async accept(grant: TokenGrant, held?: HeldLock): Promise<void> {
    const access = { token: grant.accessToken, expiresAt: grant.expiresAt, issuedAt: grant.receivedAt }
    try {
      await this.save(held, { refreshToken: grant.refreshToken, access })
      this.saved()
    } catch (error) {
      this.saveFailed(error)
    }
    this.refresh = grant.refreshToken
    this.current = access
    this.rejected = false
  }

  /** Keeps the API key in the keychain, or forgets it (`undefined`). */
  async rememberApiKey(apiKey: string | undefined): Promise<void> {
    try {
      if (apiKey === undefined) await this.deps.secrets.deleteApiKey(this.deps.profileId)
      else await this.deps.secrets.saveApiKey(this.deps.profileId, apiKey)
    } catch (error) {
      this.problem = shown(asAppError(error), this.deps.clock.now())
    }
  }

  /** When the next attempt to save kept tokens is due, if any. */
  nextSaveAt(): number | undefined {
    return this.unsaved ? this.saveRetryAt : undefined
  }

  /** Tries again to save kept tokens; true when the keychain finally took them. */
  async retrySave(withLock: <T>(task: (held?: HeldLock) => Promise<T>) => Promise<T>): Promise<boolean> {
    const { refresh, current } = this
    if (!this.unsaved || refresh === undefined) return false
    try {
      await withLock((held?: HeldLock) =>
        this.save(held, { refreshToken: refresh, ...(current === undefined ? {} : { access: current }) }),
      )
    } catch (error) {
      this.saveFailed(error)
      return false
    }
    // Newer tokens may have arrived meanwhile; they are saved on their own turn.
    if (this.refresh !== refresh) return false
    this.saved()
    return true
  }

  /**
   * Writes the entry between two steps on the rotation generation: deleted before the write (so a process
   * killed during it leaves no generation, and everyone re-reads), a new random one after the keychain took
   * the tokens, remembered as seen. Without `held`, or if the new generation cannot be written, none is
   * seen. The generation is not secret: it only says "rotated since".
   */
  private async save(
    held: HeldLock | undefined,
    secrets: { readonly refreshToken: string; readonly access?: StoredAccessToken },
  ): Promise<void> {
    this.seen = undefined
    await held?.clearNote()
    await this.deps.secrets.saveSession(this.deps.profileId, secrets)
    if (held === undefined) return
    const generation = randomBytes(12).toString('hex')
    try {
      await held.writeNote(generation)
      this.seen = generation
    } catch {
      // No generation: every process, this one included, re-reads the keychain next time.
    }
  }

  private saved(): void {
    this.unsaved = false
    this.saveFailures = 0
    this.saveRetryAt = undefined
    this.problem = undefined
  }

  private saveFailed(error: unknown): void {
    const now = this.deps.clock.now()
    this.unsaved = true
    this.saveFailures += 1
    this.saveRetryAt = now + backoffDelay(this.saveFailures, this.deps.random)
    this.problem = shown(asAppError(error), now)
  }
}

/** Any thrown value as an {@link AppError}. */
export function asAppError(error: unknown): AppError {
  if (isAppError(error)) return error
  return new AppError('internal', error instanceof Error ? error.message : String(error), { cause: error })
}
