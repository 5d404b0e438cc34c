/** A live countdown: m:ss under an hour, h:mm:ss from an hour; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

/** "in 3 min", "in 40 s", "now", for something planned. */
export function formatIn(ms: number): string {
  if (ms <= 1000) return 'now'
  if (ms < 60_000) return `in ${Math.ceil(ms / 1000)} s`
  return `in ${Math.round(ms / 60_000)} min`
}

/** "just now", "3 min ago", "2 h ago", "on 1 Dec", for something past. */
export function formatAgo(ms: number, at: number): string {
  if (ms < 45_000) return 'just now'
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min ago`
  if (ms < 86_400_000) return `${Math.round(ms / 3_600_000)} h ago`
  return `on ${new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}`
}

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
