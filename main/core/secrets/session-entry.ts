import type { ProfileSecrets, StoredAccessToken } from './secret-store'

/** The keychain account of a profile's tokens (refresh token and access token, in one entry). */
export const sessionAccount = (profileId: string): string => `${profileId}/session`

/** The keychain account of a remembered API key. */
export const apiKeyAccount = (profileId: string): string => `${profileId}/api-key`

/**
 * The keychain entry of a profile's tokens, as JSON: `{"refreshToken": …, "access": {"token", "expiresAt",
 * "issuedAt"}}`. Checked by hand rather than with zod, so the quick path of `avcm token` can read it without
 * loading the engine.
 */
export function encodeSession(secrets: {
  readonly refreshToken: string
  readonly access?: StoredAccessToken
}): string {
  return JSON.stringify(secrets.access === undefined ? { refreshToken: secrets.refreshToken } : secrets)
}

/** The tokens in an entry; anything unreadable counts as no entry. */
export function decodeSession(text: string | null): ProfileSecrets {
  if (text === null || text === '') return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return {}
  }
  if (typeof value !== 'object' || value === null) return {}
  const { refreshToken, access } = value as { refreshToken?: unknown; access?: unknown }
  if (typeof refreshToken !== 'string' || refreshToken === '') return {}
  return isAccess(access) ? { refreshToken, access } : { refreshToken }
}

function isAccess(value: unknown): value is StoredAccessToken {
  if (typeof value !== 'object' || value === null) return false
  const { token, expiresAt, issuedAt } = value as Record<string, unknown>
  return (
    typeof token === 'string' &&
    token !== '' &&
    Number.isSafeInteger(expiresAt) &&
    Number.isSafeInteger(issuedAt) &&
    (expiresAt as number) > 0 &&
    (issuedAt as number) > 0
  )
}
