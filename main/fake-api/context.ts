import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Clock } from '../core/clock'
import type { PresentedAuth } from './auth-header'
import { send } from './http'
import type { LoggedRequest } from './log'
import type { TokenBook } from './tokens'
import type { VideoStore } from './video-store'

/** The fake's mutable state, shared by its route modules. */
export interface FakeState {
  readonly clock: Clock
  readonly apiKeys: Set<string>
  readonly tokens: TokenBook
  readonly videos: VideoStore
  readonly readsPerMinute: number
  lifetime: number
  rejectStatus: 400 | 401
  errorContentType: 'application/json' | 'application/problem+json'
  readWindow: { startedAt: number; count: number }
  /** The server's own URL, for pagination links. */
  url: string
}

/** One request being answered. */
export interface Exchange {
  readonly req: IncomingMessage
  readonly res: ServerResponse
  readonly url: URL
  readonly auth: PresentedAuth
  readonly videoId?: string
}

/** What a route adds to the request's log entry. */
export type Outcome = Omit<Partial<LoggedRequest>, 'route' | 'method' | 'path' | 'at' | 'auth' | 'result'> & {
  readonly result: LoggedRequest['result']
}

/** Sends JSON; errors go with the content type the fake is set to serve them as. */
export function sendJson(
  state: FakeState,
  res: ServerResponse,
  status: number,
  body: object,
  headers: Readonly<Record<string, string>> = {},
): void {
  send(
    res,
    status,
    JSON.stringify(body),
    status >= 400 ? state.errorContentType : 'application/json',
    headers,
  )
}

/** Whether `apiKey` is one the project accepts. */
export function keyValid(state: FakeState, apiKey: string): boolean {
  return state.apiKeys.has(apiKey)
}
