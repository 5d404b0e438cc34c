import type { ErrorKind } from '../../../main/core/common/error-kinds'
import type { Api, Envelope } from '../../../main/ipc/contract'

declare global {
  interface Window {
    /** Installed by the preload: one function per IPC operation. */
    readonly api: Api
  }
}

/** A failed operation, as main reported it: a stable kind and a sentence for people. */
export class ApiFailure extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message)
    this.name = 'ApiFailure'
  }
}

/** Awaits an operation's envelope: its value, or an {@link ApiFailure}. */
export async function call<T>(pending: Promise<Envelope<T>>): Promise<T> {
  const envelope = await pending
  if (envelope.ok) return envelope.value
  throw new ApiFailure(envelope.error.kind, envelope.error.message)
}

/** The message of anything thrown, for showing to a person. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
