/** Bodies up to this size are kept in memory, so a request can be sent again after a 401 (1 MiB). */
export const REPLAY_LIMIT = 1024 * 1024

/**
 * How to handle a request body: `none`; `buffer` it whole (its declared length is within the limit);
 * `stream` it unbuffered (declared larger; not replayable); or `probe` it: a body of unknown length (chunked)
 * is buffered up to the limit, and streamed once it turns out larger.
 */
export type BodyPlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'buffer'; readonly length: number }
  | { readonly kind: 'stream' }
  | { readonly kind: 'probe' }

/** Chooses a {@link BodyPlan} from the request's framing headers. */
export function planBody(headers: {
  readonly contentLength: string | undefined
  readonly transferEncoding: string | undefined
}): BodyPlan {
  // HTTP/1.1: Transfer-Encoding wins over Content-Length (RFC 9112 §6.3); Node's parser agrees.
  if (headers.transferEncoding !== undefined) return { kind: 'probe' }
  if (headers.contentLength === undefined) return { kind: 'none' }
  const length = Number(headers.contentLength)
  if (!Number.isSafeInteger(length) || length < 0) return { kind: 'stream' }
  if (length === 0) return { kind: 'none' }
  return length <= REPLAY_LIMIT ? { kind: 'buffer', length } : { kind: 'stream' }
}
