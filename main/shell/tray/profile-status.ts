import { formatTimeLeft } from '../../core/common/durations'
import { statusWord } from '../../core/common/session-status'
import type { ProfileView } from '../../core/service/types'

const MINUTE = 60_000

/**
 * What a profile's tray line says about its session: the time left while the token is good ("42 min left"),
 * with the status word when a refresh is being retried, or else the status word alone.
 */
export function trayStatus(profile: ProfileView, now: number): string {
  const { status, expiresAt } = profile.session
  const left = formatTimeLeft(expiresAt === undefined ? 0 : expiresAt - now)
  switch (status) {
    case 'valid':
      return left
    case 'retrying':
      return `${statusWord(status)} · ${left}`
    case 'refreshing':
    case 'expired':
    case 'needs-sign-in':
    case 'signed-out':
      return statusWord(status)
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
