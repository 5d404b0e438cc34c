/**
 * Every kind of error the app reports, in one list. A kind is stable and machine-readable: it crosses IPC to
 * the renderer and picks avcm's exit code (`main/cli/exit-codes.ts` must give each one a code, or it does not
 * compile). This module imports nothing, so the IPC contract and the renderer can use it too.
 */
export const ERROR_KINDS = [
  // Input from a person, a file or the renderer.
  'usage',
  'invalid-input',
  'invalid-request',
  'profile-not-found',
  'base-url-not-allowed',
  // api.video (`ApiErrorKind`).
  'credentials-rejected',
  'forbidden',
  'not-found',
  'rate-limited',
  'server',
  'unexpected-status',
  'network',
  'timeout',
  'invalid-response',
  'aborted',
  'unsafe-token',
  // The session, the keychain, the profiles file and the cross-process lock.
  'needs-sign-in',
  'keychain-unavailable',
  'profiles-file-corrupt',
  'profiles-file-too-new',
  'lock-timeout',
  // Local endpoints.
  'port-in-use',
  'port-unavailable',
  'endpoint-not-running',
  'endpoint-stopped',
  'endpoint-upstream-changed',
  // The desktop app.
  'launch-at-login',
  'app-quitting',
  // Anything else: a bug, reported without its details.
  'internal',
] as const

/** One kind of error: see {@link ERROR_KINDS}. */
export type ErrorKind = (typeof ERROR_KINDS)[number]
