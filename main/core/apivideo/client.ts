import { USER_AGENT } from '../app-info'
import { systemClock, type Clock } from '../clock'
import { ApiError, type ApiOperation } from './api-error'
import { baseUrlRefusal } from './environment'
import { errorForStatus } from './status-errors'
import { sendRequest, type HttpResponse } from './http'
import { firstProblem, tokenResponseSchema, videosPageSchema } from './responses'

/** Tokens granted by `POST /auth/api-key` or `POST /auth/refresh`. */
export interface TokenGrant {
  readonly accessToken: string
  readonly refreshToken: string
  /** Absolute expiry of the access token, epoch ms, computed when the response arrived. */
  readonly expiresAt: number
  /** When the response arrived, epoch ms. */
  readonly receivedAt: number
  /** As sent; api.video says "Bearer" or "bearer". Informational only. */
  readonly tokenType: string | undefined
}

/** A successful verify. */
export interface VerifyResult {
  readonly latencyMs: number
  /** How many videos the project holds, when the server says. */
  readonly videoCount: number | undefined
}

/** Per-call options. */
export interface CallOptions {
  readonly signal?: AbortSignal | undefined
}

/** The three api.video calls the app makes. */
export interface ApiVideoClient {
  readonly baseUrl: string
  authenticate(apiKey: string, options?: CallOptions): Promise<TokenGrant>
  refresh(refreshToken: string, options?: CallOptions): Promise<TokenGrant>
  verify(accessToken: string, options?: CallOptions): Promise<VerifyResult>
}

/** How a client is built; everything but the base URL has a sensible default. */
export interface ApiVideoClientOptions {
  readonly baseUrl: string
  readonly fetch?: typeof fetch
  readonly clock?: Clock
  /** Default 15 s. */
  readonly timeoutMs?: number
  /** Default 1 MiB; real answers are under 2 KiB. */
  readonly maxResponseBytes?: number
  readonly userAgent?: string
}

/** Default request timeout. */
export const DEFAULT_TIMEOUT_MS = 15_000
/** Default cap on a response body. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024

/**
 * Creates a client for one base URL (production, sandbox or a validated custom URL). A base URL that breaks
 * the environment rule (plain http beyond this computer, credentials, a query) gets a client whose every call
 * fails without a request, so no secret can reach it however the URL got here.
 */
export function createApiVideoClient(options: ApiVideoClientOptions): ApiVideoClient {
  const clock = options.clock ?? systemClock
  const refusal = baseUrlRefusal(options.baseUrl)
  const send = (
    operation: ApiOperation,
    path: string,
    init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
    signal: AbortSignal | undefined,
  ): Promise<HttpResponse> =>
    refusal !== undefined
      ? Promise.reject(refusal)
      : sendRequest({
          operation,
          url: new URL(`${options.baseUrl}${path}`),
          method: init.method,
          headers: {
            'User-Agent': options.userAgent ?? USER_AGENT,
            Accept: 'application/json',
            ...init.headers,
          },
          ...(init.body === undefined ? {} : { body: init.body }),
          timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
          signal,
          fetch: options.fetch ?? fetch,
        })

  const grant = async (
    operation: 'authenticate' | 'refresh',
    path: string,
    body: Record<string, string>,
    secret: string,
    signal: AbortSignal | undefined,
  ): Promise<TokenGrant> => {
    const response = await send(
      operation,
      path,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
      signal,
    )
    const receivedAt = clock.now()
    if (response.status !== 200) {
      throw errorForStatus({ operation, response, secrets: [secret], baseUrl: options.baseUrl, path, clock })
    }
    const parsed = tokenResponseSchema.safeParse(parseJsonBody(operation, response))
    if (!parsed.success) {
      throw invalidResponse(operation, firstProblem(parsed.error))
    }
    const data = parsed.data
    return {
      accessToken: data.access_token,
      refreshToken: data.refresh_token,
      expiresAt: receivedAt + data.expires_in * 1000,
      receivedAt,
      tokenType: typeof data.token_type === 'string' ? data.token_type : undefined,
    }
  }

  return {
    baseUrl: options.baseUrl,
    authenticate: (apiKey, callOptions) =>
      grant('authenticate', '/auth/api-key', { apiKey }, apiKey, callOptions?.signal),
    refresh: (refreshToken, callOptions) =>
      grant('refresh', '/auth/refresh', { refreshToken }, refreshToken, callOptions?.signal),
    async verify(accessToken, callOptions) {
      const path = '/videos?currentPage=1&pageSize=10'
      const started = performance.now()
      const response = await send(
        'verify',
        path,
        { method: 'GET', headers: { Authorization: `Bearer ${accessToken}` } },
        callOptions?.signal,
      )
      const latencyMs = performance.now() - started
      if (response.status !== 200) {
        throw errorForStatus({
          operation: 'verify',
          response,
          secrets: [accessToken],
          baseUrl: options.baseUrl,
          path,
          clock,
        })
      }
      const parsed = videosPageSchema.safeParse(parseJsonBody('verify', response))
      if (!parsed.success) throw invalidResponse('verify', firstProblem(parsed.error))
      return { latencyMs, videoCount: parsed.data.pagination.itemsTotal }
    },
  }
}

function parseJsonBody(operation: ApiOperation, response: HttpResponse): unknown {
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(response.contentType)) {
    const shown = response.contentType === '' ? 'no content type' : response.contentType.split(';')[0]
    throw invalidResponse(operation, `the body is not JSON (${shown})`)
  }
  try {
    return JSON.parse(response.text) as unknown
  } catch (error) {
    throw invalidResponse(operation, 'the body is not valid JSON', error)
  }
}

function invalidResponse(operation: ApiOperation, reason: string, cause?: unknown): ApiError {
  return new ApiError(
    'invalid-response',
    operation,
    `api.video sent an answer this app cannot use: ${reason}.`,
    cause === undefined ? {} : { cause },
  )
}
