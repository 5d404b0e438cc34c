import type { Clock } from '../clock'
import { ApiError, type ApiOperation } from './api-error'
import type { HttpResponse } from './http'
import { problemSchema } from './responses'

/** What {@link errorForStatus} needs to explain a non-200 answer. */
export interface StatusContext {
  readonly operation: ApiOperation
  readonly response: HttpResponse
  /** Values that must never appear in a message, even if the server echoes them. */
  readonly secrets: readonly string[]
  readonly baseUrl: string
  readonly path: string
  readonly clock: Clock
}

const MAX_RETRY_AFTER_MS = 60 * 60 * 1000

/** Turns a non-200 answer into a typed {@link ApiError} whose message a person understands. */
export function errorForStatus(context: StatusContext): ApiError {
  const { operation, response } = context
  const status = response.status
  const title = serverTitle(response, context.secrets)
  const details = { status, ...(title === undefined ? {} : { serverTitle: title }) }
  const suffix = title === undefined ? '' : ` (${title})`

  if ((status === 400 || status === 401) && operation !== 'verify') {
    const fallback =
      operation === 'authenticate'
        ? 'api.video rejected the API key.'
        : 'api.video rejected the refresh token; sign in again with the API key.'
    return new ApiError('credentials-rejected', operation, title ?? fallback, details)
  }
  if (status === 401) {
    return new ApiError(
      'credentials-rejected',
      operation,
      `api.video rejected the access token${suffix}. Refresh it or sign in again.`,
      details,
    )
  }
  if (status === 403) {
    return new ApiError(
      'forbidden',
      operation,
      `api.video refused access${suffix}. The account may be suspended or lack permission.`,
      details,
    )
  }
  if (status === 404) {
    return new ApiError(
      'not-found',
      operation,
      `Nothing was found at ${context.baseUrl}${context.path.split('?')[0] ?? ''} (HTTP 404). Check the base URL.`,
      details,
    )
  }
  if (status === 429) {
    const retryAfterMs = retryAfter(response.headers, context.clock)
    const wait =
      retryAfterMs === undefined ? 'in a moment' : `in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`
    return new ApiError(
      'rate-limited',
      operation,
      `api.video is limiting requests; try again ${wait}.`,
      retryAfterMs === undefined ? details : { ...details, retryAfterMs },
    )
  }
  if (status >= 500 && status <= 599) {
    return new ApiError(
      'server',
      operation,
      `api.video had a problem on its side (HTTP ${status})${suffix}; try again in a moment.`,
      details,
    )
  }
  return new ApiError(
    'unexpected-status',
    operation,
    `api.video answered with an unexpected HTTP ${status}${suffix}.`,
    details,
  )
}

/**
 * The wait a 429 asks for, from `Retry-After` (seconds or an HTTP date) or api.video's
 * `X-RateLimit-Retry-After` (seconds), clamped to an hour.
 */
export function retryAfter(headers: Headers, clock: Clock): number | undefined {
  const candidates = [headers.get('retry-after'), headers.get('x-ratelimit-retry-after')]
  for (const raw of candidates) {
    if (raw === null) continue
    const text = raw.trim()
    if (/^\d+(\.\d+)?$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS)
    const date = Date.parse(text)
    if (!Number.isNaN(date)) return Math.min(Math.max(0, date - clock.now()), MAX_RETRY_AFTER_MS)
  }
  return undefined
}

/** The server's `title`, if the body is a JSON problem: control characters removed, secrets redacted, capped. */
function serverTitle(response: HttpResponse, secrets: readonly string[]): string | undefined {
  if (!/json/i.test(response.contentType)) return undefined
  let body: unknown
  try {
    body = JSON.parse(response.text)
  } catch {
    return undefined
  }
  const parsed = problemSchema.safeParse(body)
  if (!parsed.success || parsed.data.title === undefined) return undefined
  const redact = (text: string): string =>
    secrets.reduce((out, secret) => (secret === '' ? out : out.split(secret).join('[redacted]')), text)
  let title = redact(
    redact(parsed.data.title)
      .replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ')
      .trim(),
  )
  if (title.length > 200) title = `${title.slice(0, 199)}…`
  return title === '' ? undefined : title
}
