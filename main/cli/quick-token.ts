import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { baseUrlRefusal } from '../core/apivideo/environment'
import type { Clock } from '../core/clock'
import { nameKey } from '../core/profiles/name-key'
import type { Keychain } from '../core/secrets/keychain'
import { decodeSession, sessionAccount } from '../core/secrets/session-entry'
import type { IssuedToken } from '../core/sessions/session-types'

/** The default of the "minimum validity" setting, when the profiles file does not say. */
const DEFAULT_MIN_VALIDITY_MINUTES = 10

/**
 * `avcm token` without the engine, when the stored access token is already good enough: the profiles file
 * and one keychain read, nothing else loaded. Anything unexpected (no such profile, an unreadable file, a
 * base URL the engine refuses, a missing entry, a token that expires too soon) answers `undefined`, and
 * the engine takes over, with its checks, its refresh and its error messages.
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
    document = JSON.parse(await readFile(join(options.dataDir, 'profiles.json'), 'utf8')) as typeof document
  } catch {
    return undefined
  }
  if (document.version !== 1 || !Array.isArray(document.profiles)) return undefined
  const key = nameKey(options.reference)
  const profile = (document.profiles as { id?: unknown; name?: unknown; environment?: unknown }[]).find(
    (p) => p.id === options.reference || (typeof p.name === 'string' && nameKey(p.name) === key),
  )
  if (typeof profile?.id !== 'string' || !usable(profile.environment)) return undefined
  const setting = document.settings?.minValidityMinutes
  const minValidMs =
    (options.minValiditySeconds ??
      (typeof setting === 'number' ? setting : DEFAULT_MIN_VALIDITY_MINUTES) * 60) * 1000
  let entry: string | null
  try {
    entry = await options.keychain.get(sessionAccount(profile.id))
  } catch {
    return undefined
  }
  const { access } = decodeSession(entry)
  if (access === undefined || access.expiresAt - options.clock.now() < minValidMs) return undefined
  return { accessToken: access.token, expiresAt: access.expiresAt }
}

/** Whether the engine would use this stored environment; a base URL it refuses is the engine's to explain. */
function usable(environment: unknown): boolean {
  const { kind, baseUrl } = (environment ?? {}) as { kind?: unknown; baseUrl?: unknown }
  if (kind === 'production' || kind === 'sandbox') return true
  return kind === 'custom' && typeof baseUrl === 'string' && baseUrlRefusal(baseUrl) === undefined
}
