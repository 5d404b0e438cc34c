import { isAppError } from '../core/errors'

/** avcm's exit codes, documented in `avcm --help` and the README. */
export const EXIT = {
  ok: 0,
  usage: 1,
  credentials: 2,
  network: 3,
  keychain: 4,
} as const

/** The exit code for an error: what kind of thing went wrong, so scripts can react. */
export function exitCodeFor(error: unknown): number {
  if (!isAppError(error)) return EXIT.usage
  switch (error.kind) {
    case 'credentials-rejected':
    case 'needs-sign-in':
    case 'forbidden':
      return EXIT.credentials
    case 'network':
    case 'timeout':
    case 'server':
    case 'rate-limited':
    case 'invalid-response':
    case 'not-found':
    case 'unexpected-status':
    case 'aborted':
    case 'lock-timeout':
      return EXIT.network
    case 'keychain-unavailable':
      return EXIT.keychain
    default:
      return EXIT.usage
  }
}
