import { AppError } from '../errors'

/** What went wrong talking to api.video. */
export type ApiErrorKind =
  | 'credentials-rejected'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'unexpected-status'
  | 'network'
  | 'timeout'
  | 'invalid-response'
  | 'aborted'

/** The three calls the app makes. */
export type ApiOperation = 'authenticate' | 'refresh' | 'verify'

/** Details an {@link ApiError} may carry besides its message. */
export interface ApiErrorDetails {
  readonly status?: number
  /** How long the server asked us to wait, for `rate-limited`. */
  readonly retryAfterMs?: number
  /** The server's `title`, sanitised; never a secret. */
  readonly serverTitle?: string
  readonly cause?: unknown
}

/** A failed api.video call. The message names the problem in words a person understands. */
export class ApiError extends AppError<ApiErrorKind> {
  readonly operation: ApiOperation
  readonly status: number | undefined
  readonly retryAfterMs: number | undefined
  readonly serverTitle: string | undefined

  constructor(kind: ApiErrorKind, operation: ApiOperation, message: string, details: ApiErrorDetails = {}) {
    super(kind, message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'ApiError'
    this.operation = operation
    this.status = details.status
    this.retryAfterMs = details.retryAfterMs
    this.serverTitle = details.serverTitle
  }
}
