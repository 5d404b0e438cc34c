import type { SessionStatus } from '../sessions/session-state'

/** Everything the fronts say and decide about one session status. */
interface StatusRule {
  /** The status in a word or two, lower case: a CLI column, a tray line; capitalised on a badge. */
  readonly word: string
  /** What follows a profile's name in a sentence: "acme needs sign-in". */
  readonly phrase: string
  /** Whether asking for a token can work without the person (expired and retrying refresh first). */
  readonly canIssueToken: boolean
  /** Whether a person should look: the tray's attention icon and tooltip. */
  readonly needsAttention: boolean
}

/** The one status vocabulary: the CLI, the tray and the window all word a session from this table. */
export const SESSION_STATUS: Readonly<Record<SessionStatus, StatusRule>> = {
  valid: { word: 'valid', phrase: 'is ready', canIssueToken: true, needsAttention: false },
  refreshing: { word: 'refreshing…', phrase: 'is refreshing', canIssueToken: true, needsAttention: false },
  retrying: { word: 'retrying', phrase: 'is retrying a refresh', canIssueToken: true, needsAttention: false },
  expired: { word: 'expired', phrase: 'has an expired token', canIssueToken: true, needsAttention: true },
  'needs-sign-in': {
    word: 'needs sign-in',
    phrase: 'needs sign-in',
    canIssueToken: false,
    needsAttention: true,
  },
  'signed-out': { word: 'signed out', phrase: 'is signed out', canIssueToken: false, needsAttention: true },
}

/** "needs sign-in": the status in running text, a table or a tray line. */
export function statusWord(status: SessionStatus): string {
  return SESSION_STATUS[status].word
}

/** "Needs sign-in": the status on its own, as a badge shows it. */
export function statusLabel(status: SessionStatus): string {
  const { word } = SESSION_STATUS[status]
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/** "needs sign-in", "is signed out": what follows a profile's name in a sentence. */
export function statusPhrase(status: SessionStatus): string {
  return SESSION_STATUS[status].phrase
}

/**
 * Whether asking for a token can work without the person: a valid token, or a refresh token to get one with.
 * Expired and retrying sessions refresh first; a profile that needs signing in goes to the window instead.
 */
export function canIssueToken(status: SessionStatus): boolean {
  return SESSION_STATUS[status].canIssueToken
}

/** Whether the person must sign in again before tokens can be had: exactly when no token can be issued. */
export function needsSignIn(status: SessionStatus): boolean {
  return !canIssueToken(status)
}

/** Whether the status alone calls for a person: no token without signing in, or a token left to expire. */
export function needsAttention(status: SessionStatus): boolean {
  return SESSION_STATUS[status].needsAttention
}
