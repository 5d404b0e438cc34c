import { timingSafeEqual } from 'node:crypto'

/** What the endpoint lets in: the secret its URL carries, the port it listens on, the origins allowed. */
export interface AdmissionPolicy {
  readonly secret: string
  readonly port: number
  /** Exact serialised origins (`scheme://host[:port]`, as browsers send them). */
  readonly allowOrigins: ReadonlySet<string>
}

/** The parts of a request that decide whether it gets in. */
export interface RequestHead {
  /** The request target as received (`/secret/videos?x=1`). */
  readonly url: string
  readonly host: string | undefined
  readonly origin: string | undefined
  /** `Sec-Fetch-Site`, which browsers send on every request, even those that carry no `Origin`. */
  readonly fetchSite: string | undefined
}

/** Let in, with the path to ask upstream for; or refused, with the status and why. */
export type Admission =
  | { readonly admitted: true; readonly path: string }
  | { readonly admitted: false; readonly status: 403 | 421; readonly reason: string }

/**
 * Decides whether a request may use the endpoint. In this order: the `Host` must name this endpoint
 * (`127.0.0.1:<port>` or `localhost:<port>`), else 421: a page whose name was rebound to 127.0.0.1 (DNS
 * rebinding) sends its own name. The first path segment must be the secret, else 403. An `Origin`, if any,
 * must be listed, else 403; and without a listed origin, a browser's cross-site or same-site request
 * (`Sec-Fetch-Site`, sent even by `<img>` or `<script>`, which carry no `Origin`) is refused too.
 *
 * `localhost` is accepted besides 127.0.0.1 because no web page can make a browser send it for another
 * address: browsers resolve `localhost` to loopback themselves, never through DNS, so it cannot be rebound.
 */
export function admit(head: RequestHead, policy: AdmissionPolicy): Admission {
  const host = (head.host ?? '').toLowerCase()
  if (host !== `127.0.0.1:${policy.port}` && host !== `localhost:${policy.port}`) {
    return {
      admitted: false,
      status: 421,
      reason: `This endpoint answers only to 127.0.0.1:${policy.port}, not to the host the request named.`,
    }
  }
  const path = pathAfterSecret(head.url, policy.secret)
  if (path === undefined) {
    return { admitted: false, status: 403, reason: 'The URL lacks this endpoint’s secret.' }
  }
  if (head.origin !== undefined) {
    if (!policy.allowOrigins.has(head.origin)) {
      return {
        admitted: false,
        status: 403,
        reason: `Requests from ${printable(head.origin)} are not allowed here.`,
      }
    }
  } else if (head.fetchSite === 'cross-site' || head.fetchSite === 'same-site') {
    return { admitted: false, status: 403, reason: 'Requests from web pages are not allowed here.' }
  }
  return { admitted: true, path }
}

/**
 * The request target without its first segment when that segment is the secret: `/s/videos?x` → `/videos?x`,
 * `/s` → `/`. Slashes right after the secret collapse to one, so a base URL ending in `/` still works with
 * clients that join `${base}/${path}` (api.video's Node client does). Undefined without the secret.
 */
export function pathAfterSecret(target: string, secret: string): string | undefined {
  if (!target.startsWith('/')) return undefined
  const end = target.slice(1).search(/[/?]/)
  const segment = end === -1 ? target.slice(1) : target.slice(1, end + 1)
  if (!sameSecret(segment, secret)) return undefined
  const rest = end === -1 ? '' : target.slice(end + 1)
  if (rest === '' || rest.startsWith('?')) return `/${rest}`
  return rest.replace(/^\/+/, '/')
}

/** Compares in constant time, so the time an answer takes says nothing about how much of a guess was right. */
function sameSecret(candidate: string, secret: string): boolean {
  const a = Buffer.from(candidate)
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}

function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 100)
}
