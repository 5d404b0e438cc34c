import type { SessionStatus } from '../../../main/core/sessions/session-state'

/** How each status reads, and its tone (colour is never the only signal: text and icon carry it too). */
export const STATUS: Readonly<
  Record<SessionStatus, { readonly label: string; readonly tone: Tone; readonly icon: IconName }>
> = {
  valid: { label: 'Valid', tone: 'ok', icon: 'check' },
  refreshing: { label: 'Refreshing…', tone: 'info', icon: 'refresh' },
  retrying: { label: 'Retrying', tone: 'warn', icon: 'alert' },
  expired: { label: 'Expired', tone: 'danger', icon: 'clock' },
  'needs-sign-in': { label: 'Needs sign-in', tone: 'danger', icon: 'lock' },
  'signed-out': { label: 'Signed out', tone: 'muted', icon: 'lock' },
}

/** A status colour family. */
export type Tone = 'ok' | 'info' | 'warn' | 'danger' | 'muted'

/** The icons the app draws. */
export type IconName =
  | 'check'
  | 'refresh'
  | 'alert'
  | 'clock'
  | 'lock'
  | 'copy'
  | 'eye'
  | 'plus'
  | 'gear'
  | 'list'
  | 'chevron'
  | 'close'
  | 'play'
  | 'shield'

/** Whether the person must sign in again before tokens can be had. */
export function needsSignIn(status: SessionStatus): boolean {
  return status === 'needs-sign-in' || status === 'signed-out'
}
