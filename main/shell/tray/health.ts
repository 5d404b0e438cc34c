import { APP_NAME } from '../../core/app-info'
import { needsAttention, statusPhrase } from '../../core/common/session-status'
import type { ProfileView, ServiceProblem } from '../../core/service/types'

/** The tray icon's three states. */
export type TrayHealth = 'ok' | 'warning' | 'attention'

/** A token this close to expiry that was not refreshed yet is worth a warning (refresh runs well before). */
export const EXPIRING_SOON_MS = 2 * 60_000

/** Windows cuts tray tooltips at 127 characters. */
const TOOLTIP_MAX = 127

/** Why a profile needs a person, or undefined when it does not. */
function attentionReason(profile: ProfileView): string | undefined {
  const { status, keychainError } = profile.session
  if (needsAttention(status)) return statusPhrase(status)
  return keychainError === undefined ? undefined : 'could not save to the keychain'
}

/** Why a profile deserves a warning, or undefined. */
function warningReason(profile: ProfileView, now: number): string | undefined {
  const { status, expiresAt } = profile.session
  if (status === 'retrying') return statusPhrase(status)
  if (status === 'valid' && expiresAt !== undefined && expiresAt - now <= EXPIRING_SOON_MS)
    return 'is expiring'
  return undefined
}

/** One profile's state: attention if it needs a person, a warning if it is expiring or retrying. */
export function profileHealth(profile: ProfileView, now: number): TrayHealth {
  if (attentionReason(profile) !== undefined) return 'attention'
  return warningReason(profile, now) === undefined ? 'ok' : 'warning'
}

/** The overall state: attention if anything needs a person, a warning if something is expiring or retrying. */
export function trayHealth(
  profiles: readonly ProfileView[],
  problems: readonly ServiceProblem[],
  now: number,
): TrayHealth {
  const each = profiles.map((profile) => profileHealth(profile, now))
  if (problems.length > 0 || each.includes('attention')) return 'attention'
  return each.includes('warning') ? 'warning' : 'ok'
}

/** The tray's tooltip: the app's name and, in a few words, the state. */
export function trayTooltip(
  profiles: readonly ProfileView[],
  problems: readonly ServiceProblem[],
  now: number,
): string {
  const summary = (): string => {
    const [problem] = problems
    if (problem !== undefined) {
      return problem.kind === 'keychain-unavailable'
        ? 'the keychain is unavailable'
        : 'a problem needs attention'
    }
    if (profiles.length === 0) return 'no profiles yet'
    const attention = profiles.filter((p) => attentionReason(p) !== undefined)
    const [first] = attention
    if (first !== undefined) {
      return attention.length === 1
        ? `${first.name} ${attentionReason(first) ?? ''}`
        : `${attention.length} profiles need attention`
    }
    const warned = profiles.filter((p) => warningReason(p, now) !== undefined)
    const [warnedFirst] = warned
    if (warnedFirst !== undefined) {
      return warned.length === 1
        ? `${warnedFirst.name} ${warningReason(warnedFirst, now) ?? ''}`
        : `${warned.length} profiles expiring or retrying`
    }
    return profiles.length === 1
      ? `${profiles[0]?.name ?? ''} is ready`
      : `all ${profiles.length} profiles ready`
  }
  const text = `${APP_NAME}: ${summary()}`
  return text.length <= TOOLTIP_MAX ? text : `${text.slice(0, TOOLTIP_MAX - 1)}…`
}
