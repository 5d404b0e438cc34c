import type { Agent, ClientRequest, IncomingMessage, RequestOptions, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { clientResponseHeaders, upstreamRequestHeaders } from './headers'
import { problemBody, problemForTokenError, upstreamUnreachable, type Problem } from './problems'
import { planBody, REPLAY_LIMIT } from './replay'
import type { TokenSource } from './token-source'

/** Where requests go: the profile's base URL, through one keep-alive agent. */
export interface Upstream {
  readonly url: URL
  readonly agent: Agent
  readonly request: (options: RequestOptions, onResponse: (res: IncomingMessage) => void) => ClientRequest
}

/** A request body as the endpoint holds it: whole in memory (replayable), or a prefix and the rest. */
type Body =
  | { readonly replayable: true; readonly data: Buffer }
  | { readonly replayable: false; readonly prefix: readonly Buffer[]; readonly rest: IncomingMessage }

/**
 * Forwards one admitted request to `path` upstream with a bearer token and streams the answer back; after a
 * 401, renews the token and sends once more when the body is replayable. Resolves when the exchange is over,
 * whichever way it ended; never rejects.
 */
export async function forward(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  context: { readonly upstream: Upstream; readonly tokens: TokenSource; readonly stopping: () => boolean },
): Promise<void> {
  const { upstream, tokens } = context
  let body: Body
  try {
    body = await readBody(req)
  } catch {
    res.destroy()
    return
  }
  const answer = (problem: Problem) => sendProblem(res, problem, !body.replayable || context.stopping())
  // The client went away: whatever is still going upstream for it stops too. (A listener here rather
  // than an AbortSignal on each request: the signal's bookkeeping costs a tenth of a loopback exchange.)
  const exchange: Exchange = { outgoing: undefined }
  const clientGone = () => res.destroyed
  res.once('close', () => {
    if (!res.writableFinished) exchange.outgoing?.destroy()
  })
  let token: string
  try {
    token = await tokens.current()
  } catch (error) {
    answer(problemForTokenError(error))
    return
  }
  if (clientGone()) return
  let response: IncomingMessage
  try {
    response = await send(req, path, upstream, token, body, exchange)
    if (response.statusCode === 401) {
      if (body.replayable) {
        response.resume()
        token = await tokens.renew(token).catch((error: unknown) => {
          throw new TokenFailure(error)
        })
        response = await send(req, path, upstream, token, body, exchange)
      } else {
        // Too late to send this body again; the next request gets a new token.
        tokens.renew(token).catch(() => undefined)
      }
    }
  } catch (error) {
    answer(
      error instanceof TokenFailure
        ? problemForTokenError(error.cause)
        : upstreamUnreachable(upstream.url.host, error),
    )
    return
  }
  if (clientGone()) {
    response.destroy()
    return
  }
  const headers = clientResponseHeaders(response.rawHeaders)
  if (context.stopping() || !req.complete) headers.push('Connection', 'close')
  res.writeHead(response.statusCode ?? 502, response.statusMessage, headers)
  await relay(response, res)
}

/**
 * Streams upstream's answer to the client; either side failing or going away ends the other. `pipe` with
 * its own ending rather than `stream.pipeline`, which in Node 20 builds an AbortController, and on finishing
 * a DOMException with its stack trace, for every call: a tenth of a loopback exchange (docs/PERFORMANCE.md, 7a).
 */
function relay(from: IncomingMessage, to: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    from.once('error', () => to.destroy())
    to.once('error', () => from.destroy())
    to.once('close', () => {
      if (!from.complete) from.destroy()
      resolve()
    })
    // An answer cut short upstream must not look complete to the client.
    from.once('close', () => {
      if (!from.complete) to.destroy()
    })
    from.pipe(to)
  })
}

/** The request upstream now in flight for one client request. */
interface Exchange {
  outgoing: ClientRequest | undefined
}

class TokenFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('no token', { cause })
  }
}

/** Sends the request upstream; resolves with the response head, rejects if none arrives. */
function send(
  req: IncomingMessage,
  path: string,
  upstream: Upstream,
  token: string,
  body: Body,
  exchange: Exchange,
): Promise<IncomingMessage> {
  const base = upstream.url.pathname.replace(/\/+$/, '')
  return new Promise((resolve, reject) => {
    const outgoing = upstream.request(
      {
        protocol: upstream.url.protocol,
        hostname: upstream.url.hostname.replace(/^\[|\]$/g, ''),
        port: upstream.url.port,
        method: req.method ?? 'GET',
        path: `${base}${path}`,
        headers: upstreamRequestHeaders(req.rawHeaders, upstream.url.host, token),
        agent: upstream.agent,
      },
      resolve,
    )
    exchange.outgoing = outgoing
    outgoing.once('error', reject)
    if (body.replayable) {
      // One write with `end`: Node then sends a Content-Length even when the client's body was chunked.
      outgoing.end(body.data.length === 0 ? undefined : body.data)
      return
    }
    for (const chunk of body.prefix) outgoing.write(chunk)
    pipeline(body.rest, outgoing).catch((error: unknown) => {
      outgoing.destroy(error instanceof Error ? error : undefined)
    })
  })
}

/**
 * Reads the body as its plan says: nothing, all of it (declared small), or, for a body of unknown length,
 * up to the replay limit, keeping the rest in the stream when it turns out larger.
 */
async function readBody(req: IncomingMessage): Promise<Body> {
  const plan = planBody({
    contentLength: req.headers['content-length'],
    transferEncoding: req.headers['transfer-encoding'],
  })
  switch (plan.kind) {
    case 'none':
      return { replayable: true, data: Buffer.alloc(0) }
    case 'stream':
      return { replayable: false, prefix: [], rest: req }
    case 'buffer':
    case 'probe': {
      const { chunks, ended } = await collect(req, REPLAY_LIMIT)
      return ended
        ? { replayable: true, data: Buffer.concat(chunks) }
        : { replayable: false, prefix: chunks, rest: req }
    }
  }
}

/** Reads until the body ends or more than `limit` bytes have come; then pauses the stream and resolves. */
function collect(req: IncomingMessage, limit: number): Promise<{ chunks: Buffer[]; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = (result: { chunks: Buffer[]; ended: boolean } | Error) => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', done)
      req.off('close', onClose)
      if (result instanceof Error) reject(result)
      else resolve(result)
    }
    const onData = (chunk: Buffer) => {
      chunks.push(chunk)
      size += chunk.length
      if (size > limit) {
        req.pause()
        done({ chunks, ended: false })
      }
    }
    const onEnd = () => done({ chunks, ended: true })
    const onClose = () => done(new Error('The client closed the connection while sending.'))
    req.on('data', onData)
    req.once('end', onEnd)
    req.once('error', done)
    req.once('close', onClose)
  })
}

/** Answers with a problem body; `close` when the request body was not read to its end. */
function sendProblem(res: ServerResponse, problem: Problem, close: boolean): void {
  if (res.headersSent || res.destroyed) {
    res.destroy()
    return
  }
  const body = problemBody(problem)
  res.writeHead(problem.status, {
    ...problem.headers,
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...(close ? { Connection: 'close' } : {}),
  })
  res.end(body)
}
