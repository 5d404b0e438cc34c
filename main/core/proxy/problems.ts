import { describeNetworkFailure } from '../apivideo/http'
import { isAppError } from '../errors'

/** An answer the endpoint gives itself, as an RFC 9457 problem. */
export interface Problem {
  readonly status: number
  /** One sentence for people. api.video's clients show an error body's `title`, so it says what happened. */
  readonly title: string
  readonly headers?: Readonly<Record<string, string>>
}

/** The body of a {@link Problem}: one line of `application/problem+json`, shaped like api.video's own. */
export function problemBody(problem: Problem): string {
  return JSON.stringify({ type: 'about:blank', title: problem.title, status: problem.status })
}

/**
 * The answer when no token could be had. Rejected credentials (the profile must sign in again) → 401 with
 * the caller's message, which says how; a service that is down, slow or limiting → 503 (with its
 * `Retry-After`); the keychain or the lock → 503; anything else about api.video → 502.
 */
export function problemForTokenError(error: unknown): Problem {
  if (!isAppError(error)) return { status: 500, title: 'The local endpoint failed to get a token.' }
  switch (error.kind) {
    case 'needs-sign-in':
    case 'credentials-rejected':
    case 'forbidden':
      return { status: 401, title: error.message }
    case 'rate-limited': {
      const ms = (error as { readonly retryAfterMs?: unknown }).retryAfterMs
      const seconds = typeof ms === 'number' ? Math.max(1, Math.ceil(ms / 1000)) : undefined
      return {
        status: 503,
        title: error.message,
        ...(seconds === undefined ? {} : { headers: { 'Retry-After': String(seconds) } }),
      }
    }
    case 'network':
    case 'timeout':
    case 'server':
    case 'keychain-unavailable':
    case 'lock-timeout':
      return { status: 503, title: error.message }
    default:
      return { status: 502, title: error.message }
  }
}

/** The answer when upstream could not be reached, or broke off before it answered. */
export function upstreamUnreachable(host: string, error: unknown): Problem {
  return {
    status: 502,
    title: `The local endpoint could not reach ${host}: ${describeNetworkFailure(error)}.`,
  }
}

/** The answer to a request that arrives while the endpoint is stopping. */
export const STOPPING: Problem = { status: 503, title: 'The local endpoint is stopping.' }
