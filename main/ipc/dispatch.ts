import type { ErrorKind } from '../core/common/error-kinds'
import { isAppError } from '../core/errors'
import { contract, type Channel, type Envelope, type RequestOf, type ResponseOf } from './contract'

/** A handler for every channel of the contract. */
export type Handlers = { readonly [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> }

/** Calls the handler of a channel with an untrusted payload: the one path every IPC call takes. */
export type Dispatch = (channel: string, payload: unknown) => Promise<Envelope<unknown>>

const MAX_MESSAGE = 500

/**
 * Builds the dispatcher Electron's IPC registration hands every call to: it refuses unknown
 * channels, validates every payload against the contract's schema, and turns every failure into
 * `{kind, message}`; an error that is not the app's own is reported without its details.
 */
export function createDispatch(
  handlers: Handlers,
  onUnexpected: (error: unknown) => void = () => undefined,
): Dispatch {
  return async (channel, payload) => {
    if (!Object.hasOwn(contract, channel)) {
      return failure('invalid-request', `Unknown channel "${channel.slice(0, 60)}".`)
    }
    const name = channel as Channel
    const parsed = contract[name].request.safeParse(payload)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where =
        issue === undefined || issue.path.length === 0 ? '' : ` (at ${issue.path.map(String).join('.')})`
      return failure(
        'invalid-request',
        `Invalid request for ${name}${where}: ${issue?.message ?? 'bad shape'}.`,
      )
    }
    try {
      const handler = handlers[name] as (request: unknown) => Promise<unknown>
      return { ok: true, value: await handler(parsed.data) }
    } catch (error) {
      if (isAppError(error)) return failure(error.kind, error.message)
      onUnexpected(error)
      return failure('internal', 'Something went wrong inside the app; the details were logged.')
    }
  }
}

function failure(kind: ErrorKind, message: string): Envelope<never> {
  return { ok: false, error: { kind, message: message.slice(0, MAX_MESSAGE) } }
}
