/**
 * How long a token handed out must stay valid: the one rule for the engine (`Session.getToken`) and for the
 * quick path of `avcm token`, which serves a stored token without loading the engine. Imports nothing, so
 * that path stays fast.
 */

/** The longest minimum validity a caller may ask for, in seconds (a day). */
export const MAX_MIN_VALIDITY_SECONDS = 86_400

/** The minimum validity asked for, in ms: the caller's own in seconds, or else the setting in minutes. */
export function minValidityMs(askedSeconds: number | undefined, settingMinutes: number): number {
  return (askedSeconds ?? settingMinutes * 60) * 1000
}

/**
 * The validity a caller may reasonably demand of a token with this lifetime. Asking for more than api.video
 * grants can never be met by a cached token, so such a demand is relaxed to half the lifetime instead of
 * forcing a refresh on every call.
 */
export function effectiveMinValidity(minValidMs: number, lifetimeMs: number): number {
  return minValidMs <= lifetimeMs ? minValidMs : lifetimeMs / 2
}

/** Whether a held token may be handed out, at `now`, to a caller asking for `minValidMs`: no refresh needed. */
export function lastsLongEnough(
  token: { readonly expiresAt: number; readonly issuedAt: number },
  minValidMs: number,
  now: number,
): boolean {
  return token.expiresAt - now >= effectiveMinValidity(minValidMs, token.expiresAt - token.issuedAt)
}
