import { AppError } from '../errors'

/** Why the keychain could not be used. */
export type KeychainProblem =
  'no-session-bus' | 'no-secret-service' | 'locked' | 'denied' | 'timeout' | 'too-large' | 'failed'

/** Windows Credential Manager holds at most 2,560 bytes per secret; every platform keeps to it. */
export const MAX_SECRET_BYTES = 2560

const MESSAGES: Record<Exclude<KeychainProblem, 'failed'>, string> = {
  'no-session-bus':
    'The keychain cannot be reached: no D-Bus session bus is running. Use the app inside a desktop session, ' +
    'or start one with `dbus-run-session -- <command>` together with a Secret Service such as gnome-keyring.',
  'no-secret-service':
    'No Secret Service (keychain) is running. Install and start one: on Debian or Ubuntu ' +
    '`sudo apt-get install gnome-keyring libsecret-1-0`, then log in again or run ' +
    '`gnome-keyring-daemon --start --components=secrets`.',
  locked:
    'The keychain is locked (or has no default keyring). Unlock it, for example by logging in to your ' +
    'desktop or in your keyring manager, then try again.',
  denied: 'Access to the keychain was denied. Allow api.video Credential Manager to use it, then try again.',
  timeout:
    'The keychain did not answer in time; it may be waiting for you to unlock it. Try again once it is unlocked.',
  'too-large': `A secret is larger than the ${MAX_SECRET_BYTES.toLocaleString('en')} bytes a keychain entry can hold on Windows; it was not saved.`,
}

/** The keychain is absent, locked, denied or failing; the message says what to install, start or unlock. */
export class KeychainError extends AppError<'keychain-unavailable'> {
  constructor(
    readonly problem: KeychainProblem,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super('keychain-unavailable', message, options)
    this.name = 'KeychainError'
  }
}

/** A keychain error for a known problem, with its standard message. */
export function keychainError(problem: Exclude<KeychainProblem, 'failed'>, cause?: unknown): KeychainError {
  return new KeychainError(problem, MESSAGES[problem], cause === undefined ? undefined : { cause })
}

const PATTERNS: readonly [RegExp, Exclude<KeychainProblem, 'failed'>][] = [
  [
    /autolaunch|DBUS_SESSION_BUS_ADDRESS|NoServer|Failed to connect to socket|Could not connect:/i,
    'no-session-bus',
  ],
  [/org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service files/i, 'no-secret-service'],
  [/locked|No such secret collection|aliases\/default|IsLocked/i, 'locked'],
  [/cancel|denied|not allowed|errSecAuthFailed|User interaction/i, 'denied'],
]

/** Classifies what keytar (libsecret, Keychain Services, Credential Manager) threw. */
export function classifyKeychainFailure(error: unknown): KeychainError {
  if (error instanceof KeychainError) return error
  const text = error instanceof Error ? error.message : String(error)
  for (const [pattern, problem] of PATTERNS) {
    if (pattern.test(text)) return keychainError(problem, error)
  }
  const detail = text.replace(/\s+/g, ' ').trim().slice(0, 200)
  return new KeychainError('failed', `The keychain failed: ${detail === '' ? 'unknown error' : detail}.`, {
    cause: error,
  })
}
