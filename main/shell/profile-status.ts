import type { ProfileView } from '../core/service/types'
import type { SessionStatus } from '../core/sessions/session-state'

const MINUTE = 60_000

/** "42 min left", "1 h 5 min left", "under a minute left", or "expired". */
export function timeLeft(ms: number): string {
  if (ms <= 0) return 'expired'
  const minutes = Math.floor(ms / MINUTE)
  if (minutes === 0) return 'under a minute left'
  if (minutes < 60) return `${minutes} min left`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest === 0 ? `${hours} h left` : `${hours} h ${rest} min left`
}

/** What a person reads about a profile's session in the tray: its time left, or what is going on. */
export function statusText(profile: ProfileView, now: number): string {
  const { status, expiresAt } = profile.session
  const left = expiresAt === undefined ? 'expired' : timeLeft(expiresAt - now)
  switch (status) {
    case 'valid':
      return left
    case 'refreshing':
      return 'refreshing…'
    case 'retrying':
      return `retrying · ${left}`
    case 'expired':
      return 'expired'
    case 'needs-sign-in':
      return 'needs sign-in'
    case 'signed-out':
      return 'signed out'
  }
}

/**
 * Whether asking for a token can work without the person: a valid token, or a refresh token to get one with.
 * Expired and retrying sessions refresh first; a profile that needs signing in goes to the window instead.
 */
export function canIssueToken(status: SessionStatus): boolean {
  switch (status) {
    case 'valid':
    case 'refreshing':
    case 'retrying':
    case 'expired':
      return true
    case 'needs-sign-in':
    case 'signed-out':
      return false
  }
}

/**
 * How long until some profile's time-left label changes (the next whole minute of any token's remaining
 * time), between one second and one minute, so the tray shows exact minutes without redrawing every second.
 */
export function msUntilLabelChange(profiles: readonly ProfileView[], now: number): number {
  let soonest = MINUTE
  for (const { session } of profiles) {
    if (session.expiresAt === undefined || session.expiresAt <= now) continue
    const remaining = session.expiresAt - now
    const untilNextMinute = remaining % MINUTE === 0 ? MINUTE : remaining % MINUTE
    soonest = Math.min(soonest, untilNextMinute + 1)
  }
  return Math.max(1000, soonest)
}
