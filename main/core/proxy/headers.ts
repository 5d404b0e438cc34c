/**
 * Connection-level headers (RFC 9110 §7.6.1, and the obsolete ones still seen): they describe one hop and
 * are never forwarded. Node's client and server set their own framing (`Transfer-Encoding`, `Connection`).
 */
const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
])

/**
 * End-to-end request headers the endpoint still drops: `Host` (rewritten to upstream's), the client's
 * `Authorization` (the endpoint adds its own, and a client's key or token must never reach api.video through
 * it), `Cookie` (a browser sends the cookies of 127.0.0.1, which belong to every local service on any port)
 * and `Expect` (Node's server has already answered `100 Continue`).
 */
const DROPPED_REQUEST: ReadonlySet<string> = new Set(['host', 'authorization', 'cookie', 'expect'])

/**
 * End-to-end response headers the endpoint drops: `Set-Cookie` (a browser would keep it for 127.0.0.1, that
 * is, for every local port) and `Alt-Svc` (it advertises api.video's HTTP/3, meaningless for 127.0.0.1).
 */
const DROPPED_RESPONSE: ReadonlySet<string> = new Set(['set-cookie', 'alt-svc'])

/** Raw headers as Node gives them: name, value, name, value… */
export type RawHeaders = readonly string[]

/**
 * The headers to send upstream: the client's, less hop-by-hop ones (including those its `Connection` header
 * names) and the dropped ones, with `Host` set to upstream's and the bearer token added. Names keep their
 * case and repeated headers stay repeated.
 */
export function upstreamRequestHeaders(raw: RawHeaders, upstreamHost: string, token: string): string[] {
  const kept = keep(raw, (name) => HOP_BY_HOP.has(name) || DROPPED_REQUEST.has(name))
  return ['Host', upstreamHost, ...kept, 'Authorization', `Bearer ${token}`]
}

/** The headers to send the client: upstream's, less hop-by-hop ones and the dropped ones. */
export function clientResponseHeaders(raw: RawHeaders): string[] {
  return keep(raw, (name) => HOP_BY_HOP.has(name) || DROPPED_RESPONSE.has(name))
}

/** Pairs from a raw header list, without those `drop` names or that its `Connection` header lists. */
function keep(raw: RawHeaders, drop: (lowerCaseName: string) => boolean): string[] {
  const listed = new Set<string>()
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]?.toLowerCase() !== 'connection') continue
    for (const token of (raw[i + 1] ?? '').split(',')) listed.add(token.trim().toLowerCase())
  }
  const kept: string[] = []
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? ''
    const lower = name.toLowerCase()
    if (drop(lower) || listed.has(lower)) continue
    kept.push(name, raw[i + 1] ?? '')
  }
  return kept
}
