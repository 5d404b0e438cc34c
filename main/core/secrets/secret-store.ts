import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import type { Keychain } from './keychain'
import { classifyKeychainFailure, keychainError, MAX_SECRET_BYTES } from './keychain-errors'

/** The secrets of one profile, as far as the keychain has them. */
export interface ProfileSecrets {
  readonly refreshToken?: string
  readonly access?: StoredAccessToken
  /** Only when the person chose "remember API key". */
  readonly apiKey?: string
}

/** An access token with its absolute expiry and the time it was granted. */
export interface StoredAccessToken {
  readonly token: string
  readonly expiresAt: number
  readonly issuedAt: number
}

const accessEntrySchema = z.object({
  token: z.string().min(1),
  expiresAt: z.number().int().positive(),
  issuedAt: z.number().int().positive(),
})

type Field = 'refresh-token' | 'access-token' | 'api-key'
const FIELDS: readonly Field[] = ['refresh-token', 'access-token', 'api-key']
const account = (profileId: string, field: Field): string => `${profileId}/${field}`

/** How long one keychain call may take before it counts as unavailable (a locked keyring may prompt). */
const DEFAULT_TIMEOUT_MS = 10_000

/**
 * Per-profile secrets in the keychain, one entry per secret (`<profileId>/refresh-token`,
 * `…/access-token`, `…/api-key`), each within Windows' 2,560-byte limit. Every failure is a
 * {@link KeychainError} saying what to do; a missing secret is believed only after a good health probe.
 */
export class SecretStore {
  constructor(
    private readonly keychain: Keychain,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

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

  /**
   * Every profile's secrets, from one `findCredentials` call, after a probe: on a locked gnome-keyring,
   * keytar's findCredentials crashes the process (a segmentation fault in libsecret), and the probe is
   * what tells "locked" apart from "empty" anyway.
   */
  async loadAll(): Promise<Map<string, ProfileSecrets>> {
    await this.probe()
    const entries = await this.call(() => this.keychain.findAll())
    const byProfile = new Map<string, Record<Field, string | null>>()
    for (const entry of entries) {
      const slash = entry.account.lastIndexOf('/')
      const field = entry.account.slice(slash + 1) as Field
      if (slash <= 0 || !FIELDS.includes(field)) continue
      const profileId = entry.account.slice(0, slash)
      const record = byProfile.get(profileId) ?? {
        'refresh-token': null,
        'access-token': null,
        'api-key': null,
      }
      record[field] = entry.password
      byProfile.set(profileId, record)
    }
    return new Map([...byProfile].map(([id, record]) => [id, decode(record)]))
  }

  /**
   * One profile's secrets. If the refresh token is missing, the keychain is probed first: a locked keyring
   * can answer "nothing" where there is something.
   */
  async read(profileId: string): Promise<ProfileSecrets> {
    const values = await Promise.all(
      FIELDS.map((field) => this.call(() => this.keychain.get(account(profileId, field)))),
    )
    const secrets = decode({
      'refresh-token': values[0] ?? null,
      'access-token': values[1] ?? null,
      'api-key': values[2] ?? null,
    })
    // A locked keyring reads as empty. A missing refresh token is believed only after a fresh probe: one
    // from a minute ago proves nothing about now.
    if (secrets.refreshToken === undefined) await this.probe()
    return secrets
  }

  /** Saves the refresh token: the one secret whose loss signs the profile out. */
  saveRefreshToken(profileId: string, token: string): Promise<void> {
    return this.set(account(profileId, 'refresh-token'), token)
  }

  /** Saves the current access token and its expiry, so a restart or `avcm` can reuse it. */
  saveAccessToken(profileId: string, access: StoredAccessToken): Promise<void> {
    return this.set(account(profileId, 'access-token'), JSON.stringify(access))
  }

  /** Saves the API key (only for "remember API key"). */
  saveApiKey(profileId: string, apiKey: string): Promise<void> {
    return this.set(account(profileId, 'api-key'), apiKey)
  }

  /** Forgets the remembered API key. */
  async deleteApiKey(profileId: string): Promise<void> {
    await this.call(() => this.keychain.delete(account(profileId, 'api-key')))
  }

  /** Deletes a profile's tokens, keeping a remembered API key. */
  async deleteTokens(profileId: string): Promise<void> {
    await this.probe() // a locked keyring "deletes" nothing and says it went well
    for (const field of ['refresh-token', 'access-token'] as const) {
      await this.call(() => this.keychain.delete(account(profileId, field)))
    }
  }

  /** Deletes every secret of a profile. */
  async deleteAll(profileId: string): Promise<void> {
    await this.probe() // a locked keyring "deletes" nothing and says it went well
    for (const field of FIELDS) await this.call(() => this.keychain.delete(account(profileId, field)))
  }

  private async set(accountName: string, value: string): Promise<void> {
    if (Buffer.byteLength(value, 'utf8') > MAX_SECRET_BYTES) throw keychainError('too-large')
    await this.call(() => this.keychain.set(accountName, value))
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

function decode(record: Record<Field, string | null>): ProfileSecrets {
  const access = parseAccess(record['access-token'])
  return {
    ...(record['refresh-token'] === null || record['refresh-token'] === ''
      ? {}
      : { refreshToken: record['refresh-token'] }),
    ...(access === undefined ? {} : { access }),
    ...(record['api-key'] === null || record['api-key'] === '' ? {} : { apiKey: record['api-key'] }),
  }
}

function parseAccess(text: string | null): StoredAccessToken | undefined {
  if (text === null) return undefined
  try {
    const parsed = accessEntrySchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
