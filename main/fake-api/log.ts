import type { AuthScheme } from './auth-header'
import type { FakeRoute } from './faults'
import type { RefreshOutcome } from './tokens'
import type { ReceivedBody, ReceivedPart } from './upload'

/** A video's source as received so far, across the parts of a progressive upload. */
export interface SourceProgress {
  /** File bytes received, all parts together. */
  readonly bytes: number
  /** Requests that delivered a part (1 for a regular upload). */
  readonly parts: number
  /** The last part has arrived (or the one request of a regular upload). */
  readonly complete: boolean
  /**
   * SHA-256 (hex) of the whole source once complete, when its parts came in order (the official Node client
   * sends them one after another); null before, or when parts came out of order (the fake keeps no bytes).
   */
  readonly sha256: string | null
}

/** What `POST /videos/{videoId}/source` received. */
export interface UploadReceipt extends ReceivedBody {
  /** The file part: the first multipart part with a file name, whatever its field name. */
  readonly file?: ReceivedPart
  /** The `Content-Range` header as sent. */
  readonly contentRange?: string
  /** The video's source after this request (absent when the request was refused). */
  readonly source?: SourceProgress
}

/**
 * One request as the fake saw it. Credentials are logged in full (API keys, tokens; never a Basic password):
 * this log exists for tests to assert on, and the command-line printer shows none of them.
 */
export interface LoggedRequest {
  readonly route: FakeRoute | 'other'
  readonly method: string
  readonly path: string
  readonly at: number
  /** What the `Authorization` header presented, on every route (the auth routes ignore it). */
  readonly auth: AuthScheme
  /** `auth/api-key`: the key in the body. API routes with Basic auth: the user name (the API key). */
  readonly apiKey?: string
  readonly refreshToken?: string
  readonly bearer?: string
  readonly userAgent?: string
  /** Routes under `/videos/{videoId}`. */
  readonly videoId?: string
  /** For a successful sign-in or refresh: the tokens issued (tests scan for them). */
  readonly issued?: { readonly accessToken: string; readonly refreshToken: string }
  /** For `auth/refresh`: what the presented token was. */
  readonly refreshOutcome?: RefreshOutcome
  /** For `videos/source`: what arrived, hashed. */
  readonly upload?: UploadReceipt
  /** The status sent, or what happened instead (`aborted`: the client went away mid-body). */
  readonly result: number | 'reset' | 'hang' | 'aborted'
}
