import { ApiError } from '../apivideo/api-error'
import type { VerifyResult } from '../apivideo/client'
import { isAppError, type AppError } from '../errors'
import type { HeldLock } from '../file-lock'
import type { KeychainError } from '../secrets/keychain-errors'
import type { ProfileSecrets } from '../secrets/secret-store'
import { effectiveMinValidity, lastsLongEnough } from './min-validity'
import { backoffDelay, earliest, effectiveLead } from './schedule'
import {
  deriveStatus,
  shown,
  type SessionPhase,
  type SessionSnapshot,
  type ShownError,
} from './session-state'
import { asAppError, TokenHolder } from './token-holder'
import { NeedsSignInError, type IssuedToken, type RefreshTrigger, type SessionDeps } from './session-types'

export {
  NeedsSignInError,
  type IssuedToken,
  type RefreshTrigger,
  type SessionActivity,
  type SessionDeps,
} from './session-types'

type Requirement = { readonly validUntil: number } | { readonly replacing: string | undefined }
/** `fresh`: api.video granted the tokens in this very refresh. */
type Outcome = { readonly fresh: boolean }

/**
 * One profile's tokens over time: the state machine of the architecture (signed-out · valid · refreshing ·
 * retrying · expired · needs-sign-in), single-flight refresh within the process, a cross-process lock with
 * a keychain re-read around every rotation, timers derived from the absolute expiry, and backoff.
 */
export class Session {
  private readonly tokens: TokenHolder
  private phase: SessionPhase = 'signed-out'
  private failures = 0
  private retryAt: number | undefined
  private lastError: ShownError | undefined
  private lastFailure: AppError | undefined
  private lastRefreshedAt: number | undefined
  private inflight: Promise<Outcome> | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private timer: NodeJS.Timeout | undefined
  private disposed = false

  constructor(private readonly deps: SessionDeps) {
    this.tokens = new TokenHolder(deps)
    if (deps.refusal !== undefined) {
      this.phase = 'needs-sign-in'
      this.lastError = shown(deps.refusal, deps.clock.now())
    }
  }

  /** Starts from what the keychain holds (nothing, for a refused profile: its tokens are not to be used). */
  load(secrets: ProfileSecrets): void {
    if (this.deps.refusal !== undefined) return
    this.tokens.adopt(secrets)
    this.phase = this.tokens.refreshToken === undefined ? 'signed-out' : 'ready'
    this.check()
  }

  /** Starts without the secrets because the keychain failed; retries like any transient failure. */
  loadFailed(error: KeychainError): void {
    if (this.deps.refusal !== undefined) return
    this.fail(error)
    this.check()
  }

  /** The current state, without any secret. */
  snapshot(): SessionSnapshot {
    const access = this.tokens.access
    return {
      status: deriveStatus(this.phase, access?.expiresAt, this.deps.clock.now()),
      expiresAt: access?.expiresAt,
      issuedAt: access?.issuedAt,
      lastRefreshedAt: this.lastRefreshedAt ?? access?.issuedAt,
      nextRefreshAt: this.nextRefreshAt(),
      failures: this.failures,
      lastError: this.lastError,
      keychainError: this.tokens.keychainError,
      remembersApiKey: this.deps.remembersApiKey(),
    }
  }

  /** An access token valid for at least `minValidMs` (or as long as api.video grants), refreshing if needed. */
  async getToken(minValidMs: number): Promise<IssuedToken> {
    for (let round = 0; round < 3; round += 1) {
      const now = this.deps.clock.now()
      const access = this.tokens.access
      if (access !== undefined && lastsLongEnough(access, minValidMs, now)) return this.issued()
      const wanted =
        access === undefined ? minValidMs : effectiveMinValidity(minValidMs, this.tokens.lifetime())
      this.throwIfRateLimited(now)
      const outcome = await this.refresh('on-demand', { validUntil: now + wanted })
      if (outcome.fresh) return this.issued()
    }
    return this.issued()
  }

  /** Refreshes now because a person asked; a rotation another process just made counts. */
  async refreshNow(): Promise<void> {
    this.throwIfRateLimited(this.deps.clock.now())
    await this.refresh('manual', { replacing: this.tokens.access?.token })
  }

  /** Signs in with an API key, replacing whatever tokens the profile had. */
  signIn(apiKey: string, rememberApiKey: boolean): Promise<void> {
    if (this.deps.refusal !== undefined) return Promise.reject(this.deps.refusal)
    return this.exclusive(() =>
      this.deps.withLock(async (held?: HeldLock) => {
        try {
          const grant = await this.deps.client.authenticate(apiKey)
          await this.tokens.accept(grant, held)
          await this.tokens.rememberApiKey(rememberApiKey ? apiKey : undefined)
          this.succeeded(grant.receivedAt)
          this.deps.onActivity({ kind: 'signed-in', automatic: false, token: grant.accessToken })
        } catch (error) {
          if (isAppError(error)) this.deps.onActivity({ kind: 'failed', action: 'sign in', error })
          throw error
        } finally {
          this.schedule()
          this.changed()
        }
      }),
    )
  }

  /** Checks the current token against api.video. */
  async verify(): Promise<VerifyResult> {
    const { accessToken } = await this.getToken(30_000)
    try {
      const result = await this.deps.client.verify(accessToken)
      this.deps.onActivity({ kind: 'verified', latencyMs: result.latencyMs })
      return result
    } catch (error) {
      if (isAppError(error)) this.deps.onActivity({ kind: 'failed', action: 'verify', error })
      throw error
    }
  }

  /** Acts on whatever is due now (automatic refresh, a retry, a keychain save), then re-arms the timer. */
  check(): void {
    if (this.disposed || !this.deps.autoRefresh) return
    const now = this.deps.clock.now()
    if (this.inflight === undefined) {
      const due = this.nextRefreshAt()
      if (due !== undefined && due <= now) {
        const trigger = this.phase === 'failing' ? 'retry' : 'auto'
        this.refresh(trigger, { validUntil: now + this.lead() + 1 }).catch(() => undefined)
      }
    }
    const saveAt = this.tokens.nextSaveAt()
    if (saveAt !== undefined && saveAt <= now) void this.retrySave()
    this.schedule()
  }

  /** Resolves once whatever the session is doing (a refresh, a sign-in, a keychain save) has finished. */
  async idle(): Promise<void> {
    await this.queue
  }

  /** Stops timers; the session is not used again. */
  dispose(): void {
    this.disposed = true
    clearTimeout(this.timer)
  }

  private refresh(trigger: RefreshTrigger, requirement: Requirement): Promise<Outcome> {
    if (this.deps.refusal !== undefined) return Promise.reject(this.deps.refusal)
    if (this.inflight !== undefined) return this.inflight
    this.phase = 'refreshing'
    this.changed()
    const flight = this.exclusive(async () => {
      try {
        const outcome = await this.deps.withLock((held?: HeldLock) =>
          this.refreshLocked(trigger, requirement, held),
        )
        this.succeeded(outcome.fresh ? this.deps.clock.now() : this.lastRefreshedAt)
        return outcome
      } catch (error) {
        throw this.fail(error)
      }
    })
    this.inflight = flight.finally(() => {
      this.inflight = undefined
      this.schedule()
      this.changed()
    })
    return this.inflight
  }

  private async refreshLocked(
    trigger: RefreshTrigger,
    requirement: Requirement,
    held: HeldLock | undefined,
  ): Promise<Outcome> {
    await this.tokens.sync(held)
    if (this.satisfies(requirement)) return { fresh: false }
    const refreshToken = this.tokens.refreshToken
    if (refreshToken === undefined) throw NeedsSignInError.signedOut()
    if (this.tokens.rejected) {
      // No second attempt with a token api.video already refused; only the remembered key can help.
      if (!this.deps.remembersApiKey()) throw NeedsSignInError.rejected()
      return this.signInWithRememberedKey(held)
    }
    try {
      const grant = await this.deps.client.refresh(refreshToken)
      await this.tokens.accept(grant, held)
      this.deps.onActivity({ kind: 'refreshed', trigger, token: grant.accessToken })
      return { fresh: true }
    } catch (error) {
      if (!(error instanceof ApiError) || error.kind !== 'credentials-rejected') throw error
      // Refused: if the keychain holds another refresh token (rotated by a process that does not keep the
      // rotation generation), try that one; each retry needs a different token, so this ends.
      if (await this.tokens.resync(refreshToken)) return this.refreshLocked(trigger, requirement, held)
      this.tokens.rejected = true
      if (this.deps.remembersApiKey()) return this.signInWithRememberedKey(held)
      throw error
    }
  }

  private async signInWithRememberedKey(held: HeldLock | undefined): Promise<Outcome> {
    const apiKey = await this.deps.secrets.readApiKey(this.deps.profileId)
    if (apiKey === undefined) throw NeedsSignInError.rejected()
    try {
      const grant = await this.deps.client.authenticate(apiKey)
      await this.tokens.accept(grant, held)
      this.deps.onActivity({ kind: 'signed-in', automatic: true, token: grant.accessToken })
      return { fresh: true }
    } catch (error) {
      if (!(error instanceof ApiError) || error.kind !== 'credentials-rejected') throw error
      throw new NeedsSignInError(
        `api.video rejected the refresh token and the remembered API key (${error.message}) ` +
          'Sign in again with a valid API key.',
      )
    }
  }

  private retrySave(): Promise<void> {
    return this.exclusive(async () => {
      if (await this.tokens.retrySave(this.deps.withLock))
        this.deps.onActivity({ kind: 'keychain-recovered' })
      this.schedule()
      this.changed()
    })
  }

  private succeeded(refreshedAt: number | undefined): void {
    this.phase = 'ready'
    this.failures = 0
    this.retryAt = undefined
    this.lastError = undefined
    this.lastFailure = undefined
    this.lastRefreshedAt = refreshedAt
  }

  /** Records a failure and plans what comes next; returns the error as the person should see it. */
  private fail(error: unknown): AppError {
    let failure = asAppError(error)
    const now = this.deps.clock.now()
    if (failure instanceof ApiError && failure.kind === 'credentials-rejected') {
      failure = NeedsSignInError.rejected(failure.serverTitle)
    }
    this.lastError = shown(failure, now)
    this.lastFailure = failure
    if (failure instanceof NeedsSignInError) {
      this.phase = this.tokens.refreshToken === undefined ? 'signed-out' : 'needs-sign-in'
      this.retryAt = undefined
    } else {
      this.phase = 'failing'
      this.failures += 1
      const retryAfterMs = failure instanceof ApiError ? failure.retryAfterMs : undefined
      this.retryAt = now + backoffDelay(this.failures, this.deps.random, retryAfterMs)
    }
    this.deps.onActivity({ kind: 'failed', action: 'refresh', error: failure })
    return failure
  }

  /** While api.video's retry-after runs, asking again would only prolong the rate limit. */
  private throwIfRateLimited(now: number): void {
    const failure = this.lastFailure
    if (this.inflight !== undefined || !(failure instanceof ApiError) || failure.kind !== 'rate-limited')
      return
    if ((this.retryAt ?? 0) > now) throw failure
  }

  private satisfies(requirement: Requirement): boolean {
    const access = this.tokens.access
    if (access === undefined) return false
    if ('validUntil' in requirement) return access.expiresAt >= requirement.validUntil
    return access.token !== requirement.replacing && access.expiresAt - this.deps.clock.now() > this.lead()
  }

  private nextRefreshAt(): number | undefined {
    if (this.phase === 'failing') return this.retryAt
    if (this.phase !== 'ready' || this.tokens.refreshToken === undefined || !this.deps.autoRefresh)
      return undefined
    const access = this.tokens.access
    return access === undefined ? this.deps.clock.now() : access.expiresAt - this.lead()
  }

  private schedule(): void {
    clearTimeout(this.timer)
    if (this.disposed || !this.deps.autoRefresh) return
    const now = this.deps.clock.now()
    const expiresAt = this.tokens.access?.expiresAt
    const wake = earliest(
      this.inflight === undefined ? this.nextRefreshAt() : undefined,
      expiresAt !== undefined && expiresAt > now ? expiresAt : undefined,
      this.tokens.nextSaveAt(),
    )
    if (wake === undefined) return
    this.timer = setTimeout(() => this.check(), Math.min(Math.max(0, wake - now), 2 ** 31 - 1))
    this.timer.unref()
  }

  private lead(): number {
    const lifetime = this.tokens.lifetime()
    return lifetime === 0 ? this.deps.leadMs() : effectiveLead(this.deps.leadMs(), lifetime)
  }

  private issued(): IssuedToken {
    const access = this.tokens.access
    if (access === undefined) throw NeedsSignInError.signedOut()
    return { accessToken: access.token, expiresAt: access.expiresAt }
  }

  private changed(): void {
    if (!this.disposed) this.deps.onChange()
  }

  /** Runs tasks of this session one at a time, in order. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => undefined)
    return run
  }
}
