import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { isLoopbackHost } from '../core/apivideo/environment'
import { systemClock, type Clock } from '../core/clock'
import {
  fakeVideo,
  invalidAccessTokenBody,
  invalidAttributeBody,
  invalidCredentialsBody,
  methodNotAllowedBody,
  notFoundBody,
  pageOutOfRangeBody,
  tooManyRequestsBody,
} from './bodies'
import { FaultQueue, type FakeRoute, type Fault } from './faults'
import { TokenBook, type RefreshOutcome } from './tokens'

export type { FakeRoute, Fault } from './faults'

/** How a fake api.video server behaves; every field has a default. */
export interface FakeApiOptions {
  /** Loopback only. Default 127.0.0.1. */
  readonly host?: string
  /** Default 0: any free port. */
  readonly port?: number
  /** API keys accepted by `POST /auth/api-key`. Default: one random key. */
  readonly apiKeys?: readonly string[]
  /** Access-token lifetime in seconds (`expires_in`). Default 3600. */
  readonly accessTokenLifetimeSeconds?: number
  /** Status for rejected credentials: 400 as the spec documents, or 401 as the error reference pages say. */
  readonly rejectStatus?: 400 | 401
  /** Content type of error bodies. */
  readonly errorContentType?: 'application/json' | 'application/problem+json'
  /** Videos in the project, for `GET /videos`. Default 3. */
  readonly videoCount?: number
  /** Reads per minute on `GET /videos` before 429 (sandbox: 100). Default 100. */
  readonly readsPerMinute?: number
  readonly clock?: Clock
  /** Called after each request is logged. */
  readonly onRequest?: (entry: LoggedRequest) => void
}

/** One request as the fake saw it. Tokens are logged in full: this log exists for tests to assert on. */
export interface LoggedRequest {
  readonly route: FakeRoute | 'other'
  readonly method: string
  readonly path: string
  readonly at: number
  readonly apiKey?: string
  readonly refreshToken?: string
  readonly bearer?: string
  readonly userAgent?: string
  /** For a successful sign-in or refresh: the tokens issued (tests scan for them). */
  readonly issued?: { readonly accessToken: string; readonly refreshToken: string }
  /** For `auth/refresh`: what the presented token was. */
  readonly refreshOutcome?: RefreshOutcome
  /** The status sent, or what happened instead. */
  readonly result: number | 'reset' | 'hang'
}

/** A running fake api.video server. */
export interface FakeApiVideo {
  readonly url: string
  readonly port: number
  /** The first accepted API key. */
  readonly apiKey: string
  /** Every request so far, oldest first (the last 10,000). */
  readonly requests: readonly LoggedRequest[]
  /** Requests of one route. */
  requestsTo(route: FakeRoute): LoggedRequest[]
  /** Applies `fault` to the next `times` requests of `route` (default once). */
  inject(route: FakeRoute, fault: Fault, times?: number): void
  clearFaults(): void
  addApiKey(apiKey: string): void
  removeApiKey(apiKey: string): void
  setRejectStatus(status: 400 | 401): void
  setErrorContentType(type: 'application/json' | 'application/problem+json'): void
  setAccessTokenLifetime(seconds: number): void
  /** Invalidates every outstanding refresh token; returns how many. */
  revokeRefreshTokens(): number
  /** Makes every access token issued so far expire now. */
  expireAccessTokens(): void
  clearLog(): void
  /** Requests of a route received and not yet answered. */
  inFlight(route: FakeRoute): number
  /** The most requests of a route in flight at once since the last {@link clearLog}. */
  peakInFlight(route: FakeRoute): number
  close(): Promise<void>
}

const MAX_LOG = 10_000
const MAX_BODY = 64 * 1024

/** Starts a fake api.video server on loopback. */
export async function startFakeApiVideo(options: FakeApiOptions = {}): Promise<FakeApiVideo> {
  const host = options.host ?? '127.0.0.1'
  if (!isLoopbackHost(host))
    throw new RangeError(`The fake api.video server listens on loopback only, not ${host}.`)
  const clock = options.clock ?? systemClock
  const apiKeys = new Set(options.apiKeys ?? [randomBytes(24).toString('base64url')])
  const firstKey = [...apiKeys][0]
  if (firstKey === undefined) throw new RangeError('at least one API key is needed')
  let lifetime = options.accessTokenLifetimeSeconds ?? 3600
  let rejectStatus = options.rejectStatus ?? 400
  let errorContentType = options.errorContentType ?? 'application/json'
  const readsPerMinute = options.readsPerMinute ?? 100
  const videos = Array.from({ length: options.videoCount ?? 3 }, (_, i) => fakeVideo(i + 1))
  const tokens = new TokenBook(() => clock.now())
  const faults = new FaultQueue()
  const log: LoggedRequest[] = []
  const sockets = new Set<Socket>()
  let readWindow = { startedAt: clock.now(), count: 0 }
  const keyValid = (key: string): boolean => apiKeys.has(key)

  const record = (entry: LoggedRequest): void => {
    log.push(entry)
    if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG)
    options.onRequest?.(entry)
  }

  const send = (res: ServerResponse, status: number, body: string, contentType: string, headers = {}) => {
    res.writeHead(status, {
      'Content-Type': contentType,
      'Content-Length': Buffer.byteLength(body),
      ...headers,
    })
    res.end(body)
  }
  const sendJson = (res: ServerResponse, status: number, body: object, headers = {}) =>
    send(res, status, JSON.stringify(body), status >= 400 ? errorContentType : 'application/json', headers)

  const applyFault = async (fault: Fault, req: IncomingMessage, res: ServerResponse) => {
    switch (fault.kind) {
      case 'latency':
        await new Promise((resolve) => setTimeout(resolve, fault.ms))
        return undefined
      case 'status':
        send(res, fault.status, fault.body ?? '', fault.contentType ?? 'application/json', fault.headers)
        return fault.status
      case 'malformed-json':
        send(res, 200, '{"token_type":"Bearer","expires_in":3600,"access_token":"eyJ', 'application/json')
        return 200
      case 'oversized':
        send(res, 200, `{"padding":"${'x'.repeat(Math.max(0, fault.bytes - 14))}"}`, 'application/json')
        return 200
      case 'reset':
        req.socket.resetAndDestroy()
        return 'reset' as const
      case 'hang':
        return 'hang' as const
    }
  }

  const inFlight = new Map<FakeRoute, number>()
  const peaks = new Map<FakeRoute, number>()
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const route = routeOf(new URL(req.url ?? '/', 'http://fake').pathname)
    if (route === undefined) return answer(req, res)
    const now = (inFlight.get(route) ?? 0) + 1
    inFlight.set(route, now)
    peaks.set(route, Math.max(peaks.get(route) ?? 0, now))
    try {
      await answer(req, res)
    } finally {
      inFlight.set(route, (inFlight.get(route) ?? 1) - 1)
    }
  }

  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake')
    const route = routeOf(url.pathname)
    const method = req.method ?? 'GET'
    const base = {
      route: route ?? 'other',
      method,
      path: url.pathname,
      at: clock.now(),
      ...(req.headers['user-agent'] === undefined ? {} : { userAgent: req.headers['user-agent'] }),
    } as const
    const rawBody = await readBody(req)
    if (route === undefined) {
      sendJson(res, 404, notFoundBody)
      record({ ...base, result: 404 })
      return
    }
    const fault = faults.take(route)
    if (fault !== undefined) {
      const result = await applyFault(fault, req, res)
      if (result !== undefined) {
        record({ ...base, ...presented(route, req, rawBody), result })
        return
      }
    }
    const expected = route === 'videos' ? 'GET' : 'POST'
    if (method !== expected) {
      sendJson(res, 405, methodNotAllowedBody, { Allow: expected })
      record({ ...base, result: 405 })
      return
    }
    if (route === 'videos') {
      const status = serveVideos(url, req, res)
      record({ ...base, ...presented(route, req, rawBody), result: status })
      return
    }
    const body = parseJsonObject(req, rawBody)
    if (route === 'auth/api-key') {
      const apiKey = body?.['apiKey']
      if (typeof apiKey !== 'string') {
        sendJson(res, 400, invalidAttributeBody('apiKey'))
        record({ ...base, result: 400 })
        return
      }
      if (!keyValid(apiKey)) {
        sendJson(res, rejectStatus, invalidCredentialsBody(rejectStatus, route))
        record({ ...base, apiKey, result: rejectStatus })
        return
      }
      const issued = tokens.issue(apiKey, lifetime)
      sendTokens(res, issued)
      record({ ...base, apiKey, result: 200, issued })
      return
    }
    const refreshToken = body?.['refreshToken']
    if (typeof refreshToken !== 'string') {
      sendJson(res, 400, invalidAttributeBody('refreshToken'))
      record({ ...base, result: 400 })
      return
    }
    const outcome = tokens.redeem(refreshToken, keyValid)
    const apiKey = tokens.apiKeyOf(refreshToken)
    if (outcome !== 'rotated' || apiKey === undefined) {
      sendJson(res, rejectStatus, invalidCredentialsBody(rejectStatus, route))
      record({ ...base, refreshToken, refreshOutcome: outcome, result: rejectStatus })
      return
    }
    const issued = tokens.issue(apiKey, lifetime)
    sendTokens(res, issued)
    record({ ...base, refreshToken, refreshOutcome: outcome, result: 200, issued })
  }

  const sendTokens = (res: ServerResponse, issued: ReturnType<TokenBook['issue']>) =>
    sendJson(res, 200, {
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      access_token: issued.accessToken,
      refresh_token: issued.refreshToken,
    })

  const serveVideos = (url: URL, req: IncomingMessage, res: ServerResponse): number => {
    const now = clock.now()
    if (now - readWindow.startedAt >= 60_000) readWindow = { startedAt: now, count: 0 }
    readWindow.count += 1
    const retryAfter = Math.max(1, Math.ceil((readWindow.startedAt + 60_000 - now) / 1000))
    const rateHeaders = {
      'X-RateLimit-Limit': String(readsPerMinute),
      'X-RateLimit-Remaining': String(Math.max(0, readsPerMinute - readWindow.count)),
      'X-RateLimit-Retry-After': String(retryAfter),
    }
    const bearer = bearerOf(req)
    if (bearer === undefined || !tokens.isAccessTokenValid(bearer, keyValid)) {
      sendJson(res, 401, invalidAccessTokenBody)
      return 401
    }
    if (readWindow.count > readsPerMinute) {
      sendJson(res, 429, tooManyRequestsBody, rateHeaders)
      return 429
    }
    const currentPage = Number(url.searchParams.get('currentPage') ?? '1')
    const pageSize = Number(url.searchParams.get('pageSize') ?? '25')
    if (
      !Number.isInteger(currentPage) ||
      currentPage < 1 ||
      !Number.isInteger(pageSize) ||
      pageSize < 10 ||
      pageSize > 100
    ) {
      sendJson(res, 400, pageOutOfRangeBody(), rateHeaders)
      return 400
    }
    const data = videos.slice((currentPage - 1) * pageSize, currentPage * pageSize)
    const pagesTotal = Math.max(1, Math.ceil(videos.length / pageSize))
    const link = (rel: string, page: number) => ({
      rel,
      uri: `${address.url}/videos?currentPage=${page}&pageSize=${pageSize}`,
    })
    sendJson(
      res,
      200,
      {
        data,
        pagination: {
          currentPage,
          pageSize,
          pagesTotal,
          itemsTotal: videos.length,
          currentPageItems: data.length,
          links: [link('self', currentPage), link('first', 1), link('last', pagesTotal)],
        },
      },
      rateHeaders,
    )
    return 200
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { title: 'The fake server failed.', status: 500 })
      else res.destroy()
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const address = { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}` }

  return {
    url: address.url,
    port,
    apiKey: firstKey,
    requests: log,
    requestsTo: (route) => log.filter((entry) => entry.route === route),
    inject: (route, fault, times = 1) => faults.add(route, fault, times),
    clearFaults: () => faults.clear(),
    addApiKey: (key) => void apiKeys.add(key),
    removeApiKey: (key) => void apiKeys.delete(key),
    setRejectStatus: (status) => void (rejectStatus = status),
    setErrorContentType: (type) => void (errorContentType = type),
    setAccessTokenLifetime: (seconds) => void (lifetime = seconds),
    revokeRefreshTokens: () => tokens.revokeAllRefreshTokens(),
    expireAccessTokens: () => tokens.expireAllAccessTokens(),
    clearLog: () => {
      log.splice(0, log.length)
      peaks.clear()
    },
    inFlight: (route) => inFlight.get(route) ?? 0,
    peakInFlight: (route) => peaks.get(route) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

function routeOf(pathname: string): FakeRoute | undefined {
  switch (pathname.replace(/\/+$/, '')) {
    case '/auth/api-key':
      return 'auth/api-key'
    case '/auth/refresh':
      return 'auth/refresh'
    case '/videos':
      return 'videos'
    default:
      return undefined
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_BODY) break
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function parseJsonObject(req: IncomingMessage, raw: string): Record<string, unknown> | undefined {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return undefined
  try {
    const value: unknown = JSON.parse(raw)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

function bearerOf(req: IncomingMessage): string | undefined {
  const match = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')
  return match?.[1]
}

function presented(route: FakeRoute, req: IncomingMessage, raw: string): Partial<LoggedRequest> {
  if (route === 'videos') {
    const bearer = bearerOf(req)
    return bearer === undefined ? {} : { bearer }
  }
  const body = parseJsonObject(req, raw)
  const field = route === 'auth/api-key' ? 'apiKey' : 'refreshToken'
  const value = body?.[field]
  if (typeof value !== 'string') return {}
  return route === 'auth/api-key' ? { apiKey: value } : { refreshToken: value }
}
