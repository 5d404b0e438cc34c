import type { ErrorKind } from './common/error-kinds'

/**
 * The base of every error the app shows a person. `kind` is one of {@link ErrorKind}: stable and
 * machine-readable (it crosses IPC and picks the CLI's exit code); `message` is a sentence for people and
 * never contains a secret.
 */
export class AppError<K extends ErrorKind = ErrorKind> extends Error {
  constructor(
    readonly kind: K,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options)
    this.name = 'AppError'
  }
}

/** Input from a person, a file or the renderer that failed validation. */
export class InvalidInputError extends AppError<'invalid-input'> {
  constructor(message: string) {
    super('invalid-input', message)
    this.name = 'InvalidInputError'
  }
}

/** True when `error` is an {@link AppError} (of any kind). */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}
