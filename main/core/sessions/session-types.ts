import type { ApiVideoClient } from '../apivideo/client'
import type { Clock } from '../clock'
import { AppError } from '../errors'
import type { HeldLock } from '../file-lock'
import type { SecretStore } from '../secrets/secret-store'

/** The profile has no usable refresh token: a person must sign in again with the API key. */
export class NeedsSignInError extends AppError<'needs-sign-in'> {
  constructor(message: string) {
    super('needs-sign-in', message)
    this.name = 'NeedsSignInError'
  }

  /** The keychain no longer holds the profile's refresh token. */
  static signedOut(): NeedsSignInError {
    return new NeedsSignInError(
      'This profile is signed out: its keychain entries are gone. Sign in again with the API key.',
    )
  }

  /** api.video refused the refresh token. */
  static rejected(serverTitle?: string): NeedsSignInError {
    const detail = serverTitle === undefined ? '' : ` (${serverTitle.replace(/\.$/, '')})`
    return new NeedsSignInError(
      `api.video no longer accepts this profile's refresh token${detail}. Sign in again with the API key.`,
    )
  }
}

/** What started a refresh. */
export type RefreshTrigger = 'auto' | 'manual' | 'on-demand' | 'retry'

/** Something worth a line in the activity log. */
export type SessionActivity =
  | { readonly kind: 'refreshed'; readonly trigger: RefreshTrigger; readonly token: string }
  | { readonly kind: 'signed-in'; readonly automatic: boolean; readonly token: string }
  | { readonly kind: 'verified'; readonly latencyMs: number }
  | { readonly kind: 'failed'; readonly action: string; readonly error: AppError }
  | { readonly kind: 'keychain-recovered' }

/** What a session needs from the rest of the engine. */
export interface SessionDeps {
  readonly profileId: string
  readonly client: ApiVideoClient
  readonly secrets: SecretStore
  /**
   * Runs `task` holding this profile's cross-process lock; `held`, when the lock passes it, reads and writes
   * the rotation generation beside the lock (without it, every rotation re-reads the keychain).
   */
  readonly withLock: <T>(task: (held?: HeldLock) => Promise<T>) => Promise<T>
  readonly clock: Clock
  readonly random: () => number
  readonly leadMs: () => number
  /** Whether the person chose to keep the API key in the keychain (the profile's setting). */
  readonly remembersApiKey: () => boolean
  /** False for one-shot use (avcm): no timers, no automatic refresh or retry. */
  readonly autoRefresh: boolean
  readonly onChange: () => void
  readonly onActivity: (activity: SessionActivity) => void
  /**
   * Why the profile may not be used as stored (a base URL the app refuses), if so: the session then holds
   * no token, never calls api.video, and every use fails with this.
   */
  readonly refusal?: AppError | undefined
}

/** A token handed out, with its absolute expiry. */
export interface IssuedToken {
  readonly accessToken: string
  readonly expiresAt: number
}
