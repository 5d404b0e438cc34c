import type { SessionStatus } from '../../../main/core/sessions/session-state'

/** The engine's rule, re-exported where the window's components have always found it. */
export { needsSignIn } from '../../../main/core/common/session-status'

/** How each status looks on a badge. Colour is never the only signal: the label and the icon carry it too. */
export const STATUS: Readonly<Record<SessionStatus, { readonly tone: Tone; readonly icon: IconName }>> = {
  valid: { tone: 'ok', icon: 'check' },
  refreshing: { tone: 'info', icon: 'refresh' },
  retrying: { tone: 'warn', icon: 'alert' },
  expired: { tone: 'danger', icon: 'clock' },
  'needs-sign-in': { tone: 'danger', icon: 'lock' },
  'signed-out': { tone: 'muted', icon: 'lock' },
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
