/**
 * How spans of time read, one formatter per purpose, for every front: the window, the tray, the
 * notifications and `avcm`.
 */

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A live countdown: "59:58" under an hour, "1:02:03" from an hour; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / SECOND))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

/**
 * How long something lasts: "42 min", "1 h 5 min", "2 h", or "under a minute". Whole minutes, rounded down,
 * so a token is never said to last longer than it does.
 */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE)
  if (minutes === 0) return 'under a minute'
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
}

/** What a token has left, at a glance: "42 min left", "under a minute left", or "expired". */
export function formatTimeLeft(ms: number): string {
  return ms <= 0 ? 'expired' : `${formatDuration(ms)} left`
}

/** When something planned happens: "now", "in 40 s", "in 3 min". */
export function formatIn(ms: number): string {
  if (ms <= SECOND) return 'now'
  if (ms < MINUTE) return `in ${Math.ceil(ms / SECOND)} s`
  return `in ${Math.round(ms / MINUTE)} min`
}

/** When something happened, `ms` ago (at `at`): "just now", "3 min ago", "2 h ago", "on 1 Dec". */
export function formatAgo(ms: number, at: number): string {
  if (ms < 45 * SECOND) return 'just now'
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min ago`
  if (ms < DAY) return `${Math.round(ms / HOUR)} h ago`
  return `on ${new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}`
}
