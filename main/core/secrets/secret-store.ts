import { randomBytes } from 'node:crypto'
import type { Keychain } from './keychain'
import { classifyKeychainFailure, keychainError, MAX_SECRET_BYTES } from './keychain-errors'
import { apiKeyAccount, decodeSession, encodeSession, sessionAccount } from './session-entry'

/** A profile's tokens as the keychain keeps them. */
export interface ProfileSecrets {
  readonly refreshToken?: string
  readonly access?: StoredAccessToken
}

/** An access token with its absolute expiry and the time it was granted. */
export interface StoredAccessToken {
  readonly token: string
  readonly expiresAt: number
  readonly issuedAt: number
}

/** How long one keychain call may take before it counts as unavailable (a locked keyring may prompt). */
const DEFAULT_TIMEOUT_MS = 10_000

/**
 * Per-profile secrets in the keychain: the tokens in one entry (`<profileId>/session`, written at once, so
 * the refresh token and the access token handed out with it never disagree) and, only for "remember API
 * key", the key (`<profileId>/api-key`). Each entry stays within Windows' 2,560-byte limit. Every failure
 * is a {@link KeychainError} saying what to do; a missing entry is believed only after a health probe.
 */
export class SecretStore {
  private readonly timeoutMs: number

  constructor(
    private readonly keychain: Keychain,
    options: { readonly timeoutMs?: number } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  }

  /**
   * The tokens of many profiles at once: one read per profile, in parallel (faster than keytar's
   * findCredentials, which reads entries one by one and, on a locked gnome-keyring, crashes the process).
   * If any is missing, a probe decides whether the keychain is locked or the entry really is gone.
   */
  async readMany(profileIds: readonly string[]): Promise<Map<string, ProfileSecrets>> {
    const entries = await Promise.all(
      profileIds.map((id) => this.call(() => this.keychain.get(sessionAccount(id)))),
    )
    const secrets = new Map(profileIds.map((id, i) => [id, decodeSession(entries[i] ?? null)]))
    if ([...secrets.values()].some((s) => s.refreshToken === undefined)) await this.probe()
    return secrets
  }

  /** One profile's tokens; a missing entry is believed only after a fresh probe (a locked keyring reads as empty). */
  async read(profileId: string): Promise<ProfileSecrets> {
    return (await this.readMany([profileId])).get(profileId) ?? {}
  }

  /** Saves a profile's tokens in one write: the refresh token before anyone is handed the access token. */
  saveSession(
    profileId: string,
    secrets: { readonly refreshToken: string; readonly access?: StoredAccessToken },
  ): Promise<void> {
    return this.set(sessionAccount(profileId), encodeSession(secrets))
  }

  /** The remembered API key, if the person chose to keep it. */
  readApiKey(profileId: string): Promise<string | undefined> {
    return this.call(() => this.keychain.get(apiKeyAccount(profileId))).then((key) => key ?? undefined)
  }

  /** Saves the API key (only for "remember API key"). */
  saveApiKey(profileId: string, apiKey: string): Promise<void> {
    return this.set(apiKeyAccount(profileId), apiKey)
  }

  /** Forgets the remembered API key. */
  async deleteApiKey(profileId: string): Promise<void> {
    await this.call(() => this.keychain.delete(apiKeyAccount(profileId)))
  }

  /** Deletes a profile's tokens, keeping a remembered API key. */
  deleteTokens(profileId: string): Promise<void> {
    return this.deleteAccounts([sessionAccount(profileId)])
  }

  /** Deletes every secret of a profile. */
  deleteAll(profileId: string): Promise<void> {
    return this.deleteAccounts([sessionAccount(profileId), apiKeyAccount(profileId)])
  }

  private async deleteAccounts(accounts: readonly string[]): Promise<void> {
    await this.probe() // a locked keyring "deletes" nothing and says it went well
    for (const account of accounts) await this.call(() => this.keychain.delete(account))
  }

  private set(account: string, value: string): Promise<void> {
    if (Buffer.byteLength(value, 'utf8') > MAX_SECRET_BYTES) return Promise.reject(keychainError('too-large'))
    return this.call(() => this.keychain.set(account, value))
  }

  /** Writes, reads back and deletes a canary; throws a {@link KeychainError} telling what is wrong. */
  async probe(): Promise<void> {
    const canary = `probe/${randomBytes(6).toString('hex')}`
    const value = randomBytes(16).toString('hex')
    await this.call(() => this.keychain.set(canary, value))
    try {
      const readBack = await this.call(() => this.keychain.get(canary))
      if (readBack !== value) throw keychainError('locked')
    } finally {
      await this.call(() => this.keychain.delete(canary)).catch(() => undefined)
    }
  }

  /** Runs one keychain call under the timeout, turning any failure into a KeychainError. */
  private async call<T>(operation: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(keychainError('timeout')), this.timeoutMs)
    })
    try {
      return await Promise.race([operation(), timeout])
    } catch (error) {
      throw classifyKeychainFailure(error)
    } finally {
      clearTimeout(timer)
    }
  }
}
