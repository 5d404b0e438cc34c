import type { ErrorKind } from '../common/error-kinds'
import type { AppError } from '../errors'

/** What a person sees about a profile's session. */
export type SessionStatus = 'signed-out' | 'valid' | 'refreshing' | 'retrying' | 'expired' | 'needs-sign-in'

/** What the session is doing, before time is taken into account. */
export type SessionPhase = 'signed-out' | 'ready' | 'refreshing' | 'failing' | 'needs-sign-in'

/** An error as shown to a person. */
export interface ShownError {
  readonly kind: ErrorKind
  readonly message: string
  readonly at: number
}

/** A point-in-time view of one session; contains no secret. */
export interface SessionSnapshot {
  readonly status: SessionStatus
  /** Absolute expiry of the access token held, epoch ms. */
  readonly expiresAt: number | undefined
  /** When the token lifetime started (for a progress bar), epoch ms. */
  readonly issuedAt: number | undefined
  readonly lastRefreshedAt: number | undefined
  /** When the next automatic refresh or retry is planned. */
  readonly nextRefreshAt: number | undefined
  /** Consecutive failed attempts. */
  readonly failures: number
  readonly lastError: ShownError | undefined
  /** Set while the newest tokens live only in memory because the keychain refused them. */
  readonly keychainError: ShownError | undefined
  /** Whether the API key is remembered, so the app can sign in again by itself. */
  readonly remembersApiKey: boolean
}

/** The status a person sees: the phase, corrected by the clock (a token past its expiry is expired). */
export function deriveStatus(phase: SessionPhase, expiresAt: number | undefined, now: number): SessionStatus {
  const live = expiresAt !== undefined && expiresAt > now
  switch (phase) {
    case 'signed-out':
      return 'signed-out'
    case 'needs-sign-in':
      return 'needs-sign-in'
    case 'refreshing':
      return 'refreshing'
    case 'ready':
      return live ? 'valid' : 'expired'
    case 'failing':
      return live ? 'retrying' : 'expired'
  }
}

/** An error as shown to a person, stamped with the time. */
export function shown(error: AppError, at: number): ShownError {
  return { kind: error.kind, message: error.message, at }
}
