import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { baseUrlRefusal } from '../core/apivideo/environment'
import type { Clock } from '../core/clock'
import { isAllowedNumber, NUMBER_SETTINGS } from '../core/common/setting-limits'
import { findByReference } from '../core/profiles/name-key'
import { PROFILES_FILE, PROFILES_FILE_VERSION } from '../core/profiles/profiles-file'
import type { Keychain } from '../core/secrets/keychain'
import { decodeSession, sessionAccount } from '../core/secrets/session-entry'
import { lastsLongEnough, minValidityMs } from '../core/sessions/min-validity'
import type { IssuedToken } from '../core/sessions/session-types'

/** A profile as the file holds it, before the engine's schema has vouched for anything. */
interface StoredProfile {
  readonly id?: unknown
  readonly name?: unknown
  readonly environment?: unknown
}

/**
 * `avcm token` without the engine, when the stored access token is already good enough: the profiles file
 * and one keychain read, nothing else loaded. It shares the engine's constants, name lookup and minimum
 * validity rule (all free of zod), so the two cannot disagree on which token will do. Anything unexpected (no
 * such profile, an unreadable file, a setting out of range, a base URL the engine refuses, a missing entry, a
 * token that expires too soon) answers `undefined`, and the engine takes over, with its checks, its refresh
 * and its error messages.
 */
export async function quickToken(options: {
  readonly dataDir: string
  readonly reference: string
  readonly minValiditySeconds: number | undefined
  readonly keychain: Keychain
  readonly clock: Clock
}): Promise<IssuedToken | undefined> {
  let document: { version?: unknown; profiles?: unknown; settings?: { minValidityMinutes?: unknown } }
  try {
    document = JSON.parse(await readFile(join(options.dataDir, PROFILES_FILE), 'utf8')) as typeof document
  } catch {
    return undefined
  }
  if (document.version !== PROFILES_FILE_VERSION || !Array.isArray(document.profiles)) return undefined
  const named = (document.profiles as StoredProfile[]).filter(
    (p): p is StoredProfile & { id: string; name: string } =>
      typeof p.id === 'string' && typeof p.name === 'string',
  )
  const profile = findByReference(named, options.reference)
  if (profile === undefined || !usable(profile.environment)) return undefined
  const setting = document.settings?.minValidityMinutes ?? NUMBER_SETTINGS.minValidityMinutes.default
  if (!isAllowedNumber('minValidityMinutes', setting)) return undefined
  let entry: string | null
  try {
    entry = await options.keychain.get(sessionAccount(profile.id))
  } catch {
    return undefined
  }
  const { access } = decodeSession(entry)
  const minValidMs = minValidityMs(options.minValiditySeconds, setting)
  if (access === undefined || !lastsLongEnough(access, minValidMs, options.clock.now())) return undefined
  return { accessToken: access.token, expiresAt: access.expiresAt }
}

/** Whether the engine would use this stored environment; a base URL it refuses is the engine's to explain. */
function usable(environment: unknown): boolean {
  const { kind, baseUrl } = (environment ?? {}) as { kind?: unknown; baseUrl?: unknown }
  if (kind === 'production' || kind === 'sandbox') return true
  return kind === 'custom' && typeof baseUrl === 'string' && baseUrlRefusal(baseUrl) === undefined
}
