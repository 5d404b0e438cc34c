/**
 * The routes the fake serves: one per operation, so a fault or a log query can target exactly one.
 * `videos` is `GET /videos` (list), `videos/create` is `POST /videos`, `videos/get` is `GET /videos/{id}`
 * and `videos/source` is `POST /videos/{id}/source` (upload).
 */
export type FakeRoute =
  'auth/api-key' | 'auth/refresh' | 'videos' | 'videos/create' | 'videos/get' | 'videos/source'

/** What the fake can do instead of (or before) answering normally. */
export type Fault =
  /** Wait, then answer normally. */
  | { readonly kind: 'latency'; readonly ms: number }
  /** Answer with this status, body, content type and headers (an upload's body is read to its end first). */
  | {
      readonly kind: 'status'
      readonly status: number
      readonly body?: string
      readonly contentType?: string
      readonly headers?: Readonly<Record<string, string>>
    }
  /** 200 with a JSON content type and a body that does not parse. */
  | { readonly kind: 'malformed-json' }
  /** 200 with a JSON content type and a body of this many bytes. */
  | { readonly kind: 'oversized'; readonly bytes: number }
  /** Reset the connection without answering (an upload: before reading its body). */
  | { readonly kind: 'reset' }
  /** Read this many bytes of the request body (or all of it, if shorter), then reset the connection. */
  | { readonly kind: 'reset-after'; readonly bytes: number }
  /** Never answer (until the server closes); an upload's body is not read, so its sender stalls. */
  | { readonly kind: 'hang' }

interface Pending {
  readonly fault: Fault
  remaining: number
}

/** Faults waiting for the next requests of each route, first in, first out. */
export class FaultQueue {
  private readonly pending = new Map<FakeRoute, Pending[]>()

  /** Applies `fault` to the next `times` requests of `route`. */
  add(route: FakeRoute, fault: Fault, times: number): void {
    if (!Number.isInteger(times) || times < 1) throw new RangeError('times must be a positive whole number')
    const list = this.pending.get(route) ?? []
    list.push({ fault, remaining: times })
    this.pending.set(route, list)
  }

  /** The fault for this request of `route`, if one is waiting; consumes one use of it. */
  take(route: FakeRoute): Fault | undefined {
    const list = this.pending.get(route)
    const head = list?.[0]
    if (list === undefined || head === undefined) return undefined
    head.remaining -= 1
    if (head.remaining === 0) list.shift()
    return head.fault
  }

  /** Drops every waiting fault. */
  clear(): void {
    this.pending.clear()
  }
}
