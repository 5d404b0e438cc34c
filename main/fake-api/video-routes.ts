import {
  invalidAccessTokenBody,
  invalidAttributeBody,
  invalidCredentialsBody,
  pageOutOfRangeBody,
  tooManyRequestsBody,
  uploadProblems,
  videoNotFoundBody,
} from './bodies'
import { keyValid, sendJson, type Exchange, type FakeState, type Outcome } from './context'
import type { UploadReceipt } from './log'
import { parseContentRange, receiveBody } from './upload'
import type { VideoCreation } from './video-store'

type VideoRoute = 'videos' | 'videos/create' | 'videos/get' | 'videos/source'

/** The API routes: Basic auth with a known API key, or a valid bearer access token, as api.video accepts. */
export async function serveVideos(
  state: FakeState,
  exchange: Exchange,
  route: VideoRoute,
  body: Record<string, unknown> | undefined,
): Promise<Outcome> {
  switch (route) {
    case 'videos':
      return list(state, exchange)
    case 'videos/get':
      return get(state, exchange)
    case 'videos/create':
      return create(state, exchange, body)
    case 'videos/source':
      return upload(state, exchange)
  }
}

/** The problem to answer with, or undefined when the request may go on. */
function denial(state: FakeState, exchange: Exchange): object | undefined {
  const { auth } = exchange
  if (auth.scheme === 'bearer' && auth.bearer !== undefined) {
    return state.tokens.isAccessTokenValid(auth.bearer, (key) => keyValid(state, key))
      ? undefined
      : invalidAccessTokenBody
  }
  if (auth.scheme === 'basic') {
    const accepted = auth.apiKey !== undefined && auth.emptyPassword === true && keyValid(state, auth.apiKey)
    return accepted ? undefined : invalidCredentialsBody(401, 'auth/api-key')
  }
  return invalidAccessTokenBody
}

/** Counts a read against the per-minute window; the headers to send and whether it is over the limit. */
function countRead(state: FakeState): { headers: Record<string, string>; limited: boolean } {
  const now = state.clock.now()
  if (now - state.readWindow.startedAt >= 60_000) state.readWindow = { startedAt: now, count: 0 }
  state.readWindow.count += 1
  const retryAfter = Math.max(1, Math.ceil((state.readWindow.startedAt + 60_000 - now) / 1000))
  const headers = {
    'X-RateLimit-Limit': String(state.readsPerMinute),
    'X-RateLimit-Remaining': String(Math.max(0, state.readsPerMinute - state.readWindow.count)),
    'X-RateLimit-Retry-After': String(retryAfter),
  }
  return { headers, limited: state.readWindow.count > state.readsPerMinute }
}

/** Reads share one rate-limit window; 401 comes before 429. */
function gateRead(state: FakeState, exchange: Exchange): Record<string, string> | number {
  const read = countRead(state)
  const denied = denial(state, exchange)
  if (denied !== undefined) {
    sendJson(state, exchange.res, 401, denied)
    return 401
  }
  if (read.limited) {
    sendJson(state, exchange.res, 429, tooManyRequestsBody, read.headers)
    return 429
  }
  return read.headers
}

function list(state: FakeState, exchange: Exchange): Outcome {
  const headers = gateRead(state, exchange)
  if (typeof headers === 'number') return { result: headers }
  const currentPage = Number(exchange.url.searchParams.get('currentPage') ?? '1')
  const pageSize = Number(exchange.url.searchParams.get('pageSize') ?? '25')
  if (
    !Number.isInteger(currentPage) ||
    currentPage < 1 ||
    !Number.isInteger(pageSize) ||
    pageSize < 10 ||
    pageSize > 100
  ) {
    sendJson(state, exchange.res, 400, pageOutOfRangeBody(), headers)
    return { result: 400 }
  }
  const videos = state.videos.list()
  const data = videos.slice((currentPage - 1) * pageSize, currentPage * pageSize)
  const pagesTotal = Math.max(1, Math.ceil(videos.length / pageSize))
  const link = (rel: string, page: number) => ({
    rel,
    uri: `${state.url}/videos?currentPage=${page}&pageSize=${pageSize}`,
  })
  const pagination = {
    currentPage,
    pageSize,
    pagesTotal,
    itemsTotal: videos.length,
    currentPageItems: data.length,
    links: [link('self', currentPage), link('first', 1), link('last', pagesTotal)],
  }
  sendJson(state, exchange.res, 200, { data, pagination }, headers)
  return { result: 200 }
}

function get(state: FakeState, exchange: Exchange): Outcome {
  const headers = gateRead(state, exchange)
  if (typeof headers === 'number') return { result: headers }
  const video = state.videos.get(exchange.videoId ?? '')
  if (video === undefined) {
    sendJson(state, exchange.res, 404, videoNotFoundBody, headers)
    return { result: 404 }
  }
  sendJson(state, exchange.res, 200, video, headers)
  return { result: 200 }
}

function create(state: FakeState, exchange: Exchange, body: Record<string, unknown> | undefined): Outcome {
  const denied = denial(state, exchange)
  if (denied !== undefined) {
    sendJson(state, exchange.res, 401, denied)
    return { result: 401 }
  }
  const fields = creationOf(body)
  if (fields === undefined) {
    sendJson(state, exchange.res, 400, invalidAttributeBody('title'))
    return { result: 400 }
  }
  sendJson(state, exchange.res, 201, state.videos.create(fields))
  return { result: 201 }
}

/** Reads the body to its end whatever the outcome, so a client never sees its upload cut off by an answer. */
async function upload(state: FakeState, exchange: Exchange): Promise<Outcome> {
  const { req, res } = exchange
  const videoId = exchange.videoId ?? ''
  const header = req.headers['content-range']
  const range = parseContentRange(header)
  const digest = range === 'invalid' ? undefined : state.videos.digestFor(videoId, range)
  const body = await receiveBody(req, digest === undefined ? {} : { fileSink: digest })
  const files = body.parts.filter((part) => part.filename !== undefined)
  const file = files[0]
  const receipt: UploadReceipt = {
    ...body,
    ...(file === undefined ? {} : { file }),
    ...(header === undefined ? {} : { contentRange: header }),
  }
  const refuse = (status: number, problem: object): Outcome => {
    sendJson(state, res, status, problem)
    return { upload: receipt, result: status }
  }
  if (body.aborted) {
    res.destroy()
    return { upload: receipt, result: 'aborted' }
  }
  const denied = denial(state, exchange)
  if (denied !== undefined) return refuse(401, denied)
  const video = state.videos.get(videoId)
  if (video === undefined) return refuse(404, videoNotFoundBody)
  if (range === 'invalid') return refuse(400, uploadProblems.badContentRange)
  if (file === undefined) return refuse(400, uploadProblems.fileMissing)
  if (files.length > 1) return refuse(400, uploadProblems.multipleFiles)
  if (state.videos.isComplete(videoId)) return refuse(400, uploadProblems.alreadyUploaded)
  const source = state.videos.commit(videoId, range, file, digest)
  const done: UploadReceipt = { ...receipt, ...(source === undefined ? {} : { source }) }
  // `received` is the fake's own addition to the documented video object: what arrived, hashed.
  sendJson(state, res, 201, { ...video, received: done })
  return { upload: done, result: 201 }
}

function creationOf(body: Record<string, unknown> | undefined): VideoCreation | undefined {
  const title = body?.['title']
  if (typeof title !== 'string' || title === '') return undefined
  const description = body?.['description']
  const isPublic = body?.['public']
  const tags = body?.['tags']
  const metadata = body?.['metadata']
  return {
    title,
    ...(typeof description === 'string' ? { description } : {}),
    ...(typeof isPublic === 'boolean' ? { public: isPublic } : {}),
    ...(Array.isArray(tags) ? { tags: tags.filter((tag): tag is string => typeof tag === 'string') } : {}),
    ...(Array.isArray(metadata) ? { metadata: metadata.filter(isMetadata) } : {}),
  }
}

function isMetadata(value: unknown): value is { key: string; value: string } {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  return typeof entry['key'] === 'string' && typeof entry['value'] === 'string'
}
