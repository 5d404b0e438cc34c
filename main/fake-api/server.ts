import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { isLoopbackHost } from '../core/apivideo/environment'
import { systemClock, type Clock } from '../core/clock'
import { presentedAuth, type PresentedAuth } from './auth-header'
import { serveAuth } from './auth-routes'
import { methodNotAllowedBody, notFoundBody } from './bodies'
import { sendJson, type Exchange, type FakeState } from './context'
import { applyFault } from './apply-fault'
import { FaultQueue, type FakeRoute, type Fault } from './faults'
import { parseJsonObject, readBody } from './http'
import type { LoggedRequest, SourceProgress } from './log'
import { matchRoute, type RouteMatch } from './routes'
import { TokenBook } from './tokens'
import { serveVideos } from './video-routes'
import { VideoStore, type VideoCreation } from './video-store'

export { basicAuthorization, type AuthScheme } from './auth-header'
export type { FakeRoute, Fault } from './faults'
export type { LoggedRequest, SourceProgress, UploadReceipt } from './log'
export type { ReceivedPart } from './upload'
export type { VideoCreation } from './video-store'

/** How a fake api.video server behaves; every field has a default. */
export interface FakeApiOptions {
  /** Loopback only. Default 127.0.0.1. */
  readonly host?: string
  /** Default 0: any free port. */
  readonly port?: number
  /** API keys accepted by `POST /auth/api-key` and as Basic auth. Default: one random key. */
  readonly apiKeys?: readonly string[]
  /** Access-token lifetime in seconds (`expires_in`). Default 3600. */
  readonly accessTokenLifetimeSeconds?: number
  /** Status for rejected credentials: 400 as the spec documents, or 401 as the error reference pages say. */
  readonly rejectStatus?: 400 | 401
  /** Content type of error bodies. */
  readonly errorContentType?: 'application/json' | 'application/problem+json'
  /** Videos the project starts with, for `GET /videos`. Default 3. */
  readonly videoCount?: number
  /** Reads per minute on `GET /videos` and `GET /videos/{id}` together before 429 (sandbox: 100). */
  readonly readsPerMinute?: number
  readonly clock?: Clock
  /** Called after each request is logged. */
  readonly onRequest?: (entry: LoggedRequest) => void
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
  /** Creates a video as `POST /videos` would (title default "Fake upload"); returns its `videoId`. */
  createVideo(fields?: Partial<VideoCreation>): string
  /** What has arrived of a video's source so far; undefined for an unknown video. */
  sourceOf(videoId: string): SourceProgress | undefined
  clearLog(): void
  /** Requests of a route received and not yet answered. */
  inFlight(route: FakeRoute): number
  /** The most requests of a route in flight at once since the last {@link clearLog}. */
  peakInFlight(route: FakeRoute): number
  close(): Promise<void>
}

const MAX_LOG = 10_000

/** Starts a fake api.video server on loopback. */
export async function startFakeApiVideo(options: FakeApiOptions = {}): Promise<FakeApiVideo> {
  const host = options.host ?? '127.0.0.1'
  if (!isLoopbackHost(host))
    throw new RangeError(`The fake api.video server listens on loopback only, not ${host}.`)
  const clock = options.clock ?? systemClock
  const apiKeys = new Set(options.apiKeys ?? [randomBytes(24).toString('base64url')])
  const firstKey = [...apiKeys][0]
  if (firstKey === undefined) throw new RangeError('at least one API key is needed')
  const state: FakeState = {
    clock,
    apiKeys,
    tokens: new TokenBook(() => clock.now()),
    videos: new VideoStore(options.videoCount ?? 3, () => clock.now()),
    readsPerMinute: options.readsPerMinute ?? 100,
    lifetime: options.accessTokenLifetimeSeconds ?? 3600,
    rejectStatus: options.rejectStatus ?? 400,
    errorContentType: options.errorContentType ?? 'application/json',
    readWindow: { startedAt: clock.now(), count: 0 },
    url: '',
  }
  const faults = new FaultQueue()
  const log: LoggedRequest[] = []
  const sockets = new Set<Socket>()
  const record = (entry: LoggedRequest): void => {
    log.push(entry)
    if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG)
    options.onRequest?.(entry)
  }

  const inFlight = new Map<FakeRoute, number>()
  const peaks = new Map<FakeRoute, number>()
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake')
    const match = matchRoute(req.method ?? 'GET', url.pathname)
    if (match === undefined) return answer(req, res, url, match)
    const route = match.route
    const now = (inFlight.get(route) ?? 0) + 1
    inFlight.set(route, now)
    peaks.set(route, Math.max(peaks.get(route) ?? 0, now))
    try {
      await answer(req, res, url, match)
    } finally {
      inFlight.set(route, (inFlight.get(route) ?? 1) - 1)
    }
  }

  const answer = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    match: RouteMatch | undefined,
  ) => {
    const auth = presentedAuth(req.headers.authorization)
    const base = {
      route: match?.route ?? 'other',
      method: req.method ?? 'GET',
      path: url.pathname,
      at: clock.now(),
      auth: auth.scheme,
      ...(req.headers['user-agent'] === undefined ? {} : { userAgent: req.headers['user-agent'] }),
      ...(match?.videoId === undefined ? {} : { videoId: match.videoId }),
    } as const
    if (match === undefined) {
      await readBody(req)
      sendJson(state, res, 404, notFoundBody)
      return record({ ...base, result: 404 })
    }
    const route = match.route
    const streaming = match.kind === 'operation' && route === 'videos/source'
    const body = streaming ? undefined : parseJsonObject(req, await readBody(req))
    const fault = faults.take(route)
    if (fault !== undefined) {
      const result = await applyFault(fault, req, res, streaming)
      if (result !== undefined) return record({ ...base, ...presented(route, auth, body), result })
    }
    if (match.kind === 'wrong-method') {
      sendJson(state, res, 405, methodNotAllowedBody, { Allow: match.allow })
      return record({ ...base, result: 405 })
    }
    const exchange: Exchange = {
      req,
      res,
      url,
      auth,
      ...(match.videoId === undefined ? {} : { videoId: match.videoId }),
    }
    if (route === 'auth/api-key' || route === 'auth/refresh') {
      return record({ ...base, ...serveAuth(state, exchange, route, body) })
    }
    const outcome = await serveVideos(state, exchange, route, body)
    record({ ...base, ...presented(route, auth, body), ...outcome })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(state, res, 500, { title: 'The fake server failed.', status: 500 })
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
  state.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`

  return {
    url: state.url,
    port,
    apiKey: firstKey,
    requests: log,
    requestsTo: (route) => log.filter((entry) => entry.route === route),
    inject: (route, fault, times = 1) => faults.add(route, fault, times),
    clearFaults: () => faults.clear(),
    addApiKey: (key) => void apiKeys.add(key),
    removeApiKey: (key) => void apiKeys.delete(key),
    setRejectStatus: (status) => void (state.rejectStatus = status),
    setErrorContentType: (type) => void (state.errorContentType = type),
    setAccessTokenLifetime: (seconds) => void (state.lifetime = seconds),
    revokeRefreshTokens: () => state.tokens.revokeAllRefreshTokens(),
    expireAccessTokens: () => state.tokens.expireAllAccessTokens(),
    createVideo: (fields = {}) => String(state.videos.create({ title: 'Fake upload', ...fields })['videoId']),
    sourceOf: (videoId) => state.videos.sourceOf(videoId),
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

/** The credential a request presented, for the log: the auth routes' body field, or the API routes' header. */
function presented(
  route: FakeRoute,
  auth: PresentedAuth,
  body: Record<string, unknown> | undefined,
): Partial<LoggedRequest> {
  if (route === 'auth/api-key' || route === 'auth/refresh') {
    const field = route === 'auth/api-key' ? 'apiKey' : 'refreshToken'
    const value = body?.[field]
    if (typeof value !== 'string') return {}
    return route === 'auth/api-key' ? { apiKey: value } : { refreshToken: value }
  }
  if (auth.bearer !== undefined) return { bearer: auth.bearer }
  return auth.apiKey === undefined ? {} : { apiKey: auth.apiKey }
}
