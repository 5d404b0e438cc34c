/** The shared duration formatters (main/core/common/durations.ts), re-exported where the window finds them. */
export { formatAgo, formatCountdown, formatIn } from '../../../main/core/common/durations'

/** A clock time, "14:05:09". */
export function formatTime(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
}

/** The share of a token's life that is left, from 0 to 1. */
export function remainingFraction(
  now: number,
  issuedAt: number | undefined,
  expiresAt: number | undefined,
): number {
  if (issuedAt === undefined || expiresAt === undefined || expiresAt <= issuedAt) return 0
  return Math.min(1, Math.max(0, (expiresAt - now) / (expiresAt - issuedAt)))
}
