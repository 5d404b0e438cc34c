import { ApiError, type ApiOperation } from './api-error'

/** A request the api.video client sends. */
export interface HttpRequest {
  readonly operation: ApiOperation
  readonly url: URL
  readonly method: 'GET' | 'POST'
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  readonly timeoutMs: number
  readonly maxResponseBytes: number
  readonly signal?: AbortSignal | undefined
  readonly fetch: typeof fetch
}

/** A response read in full, within the size cap. */
export interface HttpResponse {
  readonly status: number
  readonly headers: Headers
  readonly contentType: string
  readonly text: string
}

/**
 * Sends one request with a timeout (covering the body too), the caller's signal and a cap on the response
 * size. Failures before a full response arrives become {@link ApiError}s: timeout, aborted, network (with the
 * cause in words) or invalid-response (too large).
 */
export async function sendRequest(request: HttpRequest): Promise<HttpResponse> {
  const timeout = AbortSignal.timeout(request.timeoutMs)
  const signal = request.signal === undefined ? timeout : AbortSignal.any([timeout, request.signal])
  try {
    const response = await request.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal,
      redirect: 'manual',
    })
    const text = await readCapped(response, request)
    return {
      status: response.status,
      headers: response.headers,
      contentType: response.headers.get('content-type') ?? '',
      text,
    }
  } catch (error) {
    if (error instanceof ApiError) throw error
    if (timeout.aborted) {
      throw new ApiError(
        'timeout',
        request.operation,
        `${request.url.host} did not answer within ${formatSeconds(request.timeoutMs)}.`,
        { cause: error },
      )
    }
    if (request.signal?.aborted === true) {
      throw new ApiError('aborted', request.operation, 'The request was cancelled.', { cause: error })
    }
    throw new ApiError(
      'network',
      request.operation,
      `Could not reach ${request.url.host}: ${describeNetworkFailure(error)}.`,
      { cause: error },
    )
  }
}

async function readCapped(response: Response, request: HttpRequest): Promise<string> {
  const tooLarge = (): ApiError =>
    new ApiError(
      'invalid-response',
      request.operation,
      `${request.url.host} sent a response larger than ${formatBytes(request.maxResponseBytes)}; it was not read.`,
    )
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  if (declared > request.maxResponseBytes) {
    await response.body?.cancel()
    throw tooLarge()
  }
  if (response.body === null) return ''
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    received += value.byteLength
    if (received > request.maxResponseBytes) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused (is the address right, and is the service up?)',
  ECONNRESET: 'the connection was reset',
  UND_ERR_SOCKET: 'the connection was closed before the answer was complete',
  EPIPE: 'the connection was closed while sending',
  ENOTFOUND: 'its name could not be resolved (check the address and your internet connection)',
  EAI_AGAIN: 'its name could not be resolved right now (are you offline?)',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable (are you offline?)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed and not trusted',
  SELF_SIGNED_CERT_IN_CHAIN:
    'its TLS certificate chain contains a self-signed certificate that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'its TLS certificate was issued by an authority this computer does not trust',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for a different host name',
  EPROTO: 'the TLS handshake failed',
}

/** Words for why a connection failed, from the error code Node puts on fetch's cause. */
export function describeNetworkFailure(error: unknown): string {
  const code = networkErrorCode(error)
  if (code === undefined) return 'the network request failed'
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return NETWORK_REASONS[code] ?? `the TLS connection failed (${code})`
  }
  return NETWORK_REASONS[code] ?? `the network request failed (${code})`
}

function networkErrorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof error !== 'object' || error === null) return undefined
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown }
  if (typeof code === 'string') return code
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = networkErrorCode(inner, depth + 1)
      if (found !== undefined) return found
    }
  }
  return networkErrorCode(cause, depth + 1)
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(0)} MiB`
    : `${Math.round(bytes / 1024)} KiB`
}
