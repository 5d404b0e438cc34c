import type { ErrorKind } from '../core/common/error-kinds'
import { isAppError } from '../core/errors'

/** avcm's exit codes, documented in `avcm --help` and the README. */
export const EXIT = {
  ok: 0,
  usage: 1,
  credentials: 2,
  network: 3,
  keychain: 4,
} as const

/** One of avcm's own exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/**
 * The exit code of each kind of error. `satisfies` makes it exhaustive: a new kind without a code here does
 * not compile, so no kind falls to a default by accident.
 */
export const EXIT_CODE_BY_KIND = {
  usage: EXIT.usage,
  'invalid-input': EXIT.usage,
  'invalid-request': EXIT.usage,
  'profile-not-found': EXIT.usage,
  'base-url-not-allowed': EXIT.usage,
  'credentials-rejected': EXIT.credentials,
  forbidden: EXIT.credentials,
  'not-found': EXIT.network,
  'rate-limited': EXIT.network,
  server: EXIT.network,
  'unexpected-status': EXIT.network,
  network: EXIT.network,
  timeout: EXIT.network,
  'invalid-response': EXIT.network,
  aborted: EXIT.network,
  'unsafe-token': EXIT.usage,
  'needs-sign-in': EXIT.credentials,
  'keychain-unavailable': EXIT.keychain,
  'profiles-file-corrupt': EXIT.usage,
  'profiles-file-too-new': EXIT.usage,
  'lock-timeout': EXIT.network,
  'port-in-use': EXIT.usage,
  'port-unavailable': EXIT.usage,
  'endpoint-not-running': EXIT.usage,
  'endpoint-stopped': EXIT.usage,
  'endpoint-upstream-changed': EXIT.usage,
  'launch-at-login': EXIT.usage,
  'app-quitting': EXIT.usage,
  internal: EXIT.usage,
} as const satisfies Readonly<Record<ErrorKind, ExitCode>>

/** The exit code for an error: what kind of thing went wrong, so scripts can react. Not the app's own: usage. */
export function exitCodeFor(error: unknown): ExitCode {
  return isAppError(error) ? EXIT_CODE_BY_KIND[error.kind] : EXIT.usage
}
