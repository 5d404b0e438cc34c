import { randomBytes } from 'node:crypto'
import {
  Agent as HttpAgent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import type { AddressInfo } from 'node:net'
import { systemClock, type Clock } from '../clock'
import { admit, type AdmissionPolicy } from './admission'
import { forward, type Upstream } from './forward'
import {
  checkHost,
  checkPort,
  parseOrigins,
  parseUpstream,
  PortInUseError,
  PortUnavailableError,
  PROXY_HOST,
} from './options'
import { problemBody, STOPPING, type Problem } from './problems'
import { TokenSource } from './token-source'

export { PortInUseError, PortUnavailableError } from './options'

/** How to run a local endpoint for one profile. */
export interface ProxyOptions {
  /** The profile's environment base URL (https://ws.api.video, https://sandbox.api.video, or a custom one). */
  readonly upstream: string
  /** An access token for the profile; `fresh: true` after upstream answered 401: refresh first. Rejects with the engine's AppErrors. */
  readonly token: (fresh: boolean) => Promise<string>
  /** Port to listen on; 0 or absent = any free port. */
  readonly port?: number
  /** Address to bind; only 127.0.0.1 (default) is accepted, anything else rejects with an InvalidInputError. */
  readonly host?: string
  /** Origins allowed to call (exact `scheme://host[:port]`); requests with any other Origin header are refused. */
  readonly allowOrigins?: readonly string[]
  /** Receives one line per request: method, path (without the secret), status, time. Never a token. */
  readonly log?: (line: string) => void
  /** Times each request for the log; tests pass their own. */
  readonly clock?: Clock
}

/** A local endpoint that is listening. */
export interface RunningProxy {
  /** `http://127.0.0.1:<port>/<secret>/`: the URL clients use as their base URL. */
  readonly url: string
  readonly port: number
  /** Stops accepting, lets requests in flight finish, then resolves. */
  close(): Promise<void>
}

/**
 * Starts a loopback endpoint that forwards every request to the profile's api.video environment with a
 * bearer token it asks `token` for, so clients built without a key (curl, api.video's own clients) hold no
 * secret. Only requests carrying the per-run secret in their path, naming this endpoint as their `Host`,
 * and from no origin or an allowed one get through; see docs/SECURITY.md for what that protects against.
 */
export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  checkHost(options.host)
  const port = checkPort(options.port)
  const allowOrigins = parseOrigins(options.allowOrigins)
  const url = parseUpstream(options.upstream)
  const clock = options.clock ?? systemClock
  const log = options.log ?? (() => undefined)
  const https = url.protocol === 'https:'
  const upstream: Upstream = {
    url,
    agent: https ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true }),
    request: https ? httpsRequest : httpRequest,
  }
  const tokens = new TokenSource(options.token)
  // 256 bits from the system's CSPRNG, URL-safe: 43 characters of base64url.
  const secret = randomBytes(32).toString('base64url')
  let stopping = false
  let listeningPort = port

  const handle = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void => {
    const started = clock.now()
    const method = (req.method ?? '').slice(0, 16)
    const policy: AdmissionPolicy = { secret, port: listeningPort, allowOrigins }
    const admission = admit(
      {
        url: req.url ?? '',
        host: req.headers.host,
        origin: req.headers.origin,
        fetchSite: single(req.headers['sec-fetch-site']),
      },
      policy,
    )
    if (!admission.admitted) {
      refuse(res, { status: admission.status, title: admission.reason })
      log(`${method} (refused) ${admission.status} ${admission.reason}`)
      return
    }
    // The log shows no query: api.video's upload tokens, for one, travel in it.
    const path = admission.path.split('?')[0] ?? '/'
    if (stopping) {
      refuse(res, STOPPING)
      log(`${method} ${path} ${STOPPING.status} (stopping)`)
      return
    }
    res.once('close', () => {
      const incomplete = res.writableFinished ? '' : ' (incomplete)'
      log(`${method} ${path} ${res.statusCode} ${Math.round(clock.now() - started)} ms${incomplete}`)
      if (stopping) setImmediate(() => server.closeIdleConnections())
    })
    if (expectsContinue) res.writeContinue()
    void forward(req, res, admission.path, { upstream, tokens, stopping: () => stopping })
  }
  // No overall request timeout (Node's default is 5 min): a large upload over a slow link takes longer.
  const server = createServer({ requestTimeout: 0 }, (req, res) => handle(req, res, false))
  // Handling `Expect: 100-continue` here (Node would answer it before any check) means a refused client
  // learns so before it sends its body, not after uploading it.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => handle(req, res, true))

  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortInUseError(port))
      else if (error.code !== undefined) reject(new PortUnavailableError(port, error.code))
      else reject(error)
    }
    server.once('error', failed)
    server.listen({ port, host: PROXY_HOST, exclusive: true }, () => {
      server.off('error', failed)
      resolve()
    })
  })
  listeningPort = (server.address() as AddressInfo).port

  let closed: Promise<void> | undefined
  return {
    url: `http://${PROXY_HOST}:${listeningPort}/${secret}/`,
    port: listeningPort,
    close() {
      closed ??= new Promise<void>((resolve) => {
        stopping = true
        server.close(() => {
          upstream.agent.destroy()
          resolve()
        })
        server.closeIdleConnections()
      })
      return closed
    },
  }
}

/** Refuses a request without reading its body, closing the connection. */
function refuse(res: ServerResponse, problem: Problem): void {
  const body = problemBody(problem)
  res.writeHead(problem.status, {
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    Connection: 'close',
  })
  res.end(body)
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
