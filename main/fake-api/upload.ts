import { createHash, type Hash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { MultipartScanner, multipartBoundary, type ReceivedPart } from './multipart'

export type { ReceivedPart } from './multipart'

/** A `Content-Range` of a progressive upload, in either form api.video documents. */
export type ContentRange =
  | { readonly kind: 'part'; readonly part: number; readonly total: number | '*' }
  | { readonly kind: 'bytes'; readonly from: number; readonly to: number; readonly total: number | '*' }

/** What the fake received as a request body: counted and hashed as it streamed, never held whole. */
export interface ReceivedBody {
  /** How the body was framed on the wire. */
  readonly framing: 'chunked' | 'content-length' | 'none'
  readonly contentType?: string
  /** The raw body: its length and SHA-256 (hex). */
  readonly bytes: number
  readonly sha256: string
  /** For `multipart/form-data`: its finished parts, in order. */
  readonly parts: readonly ReceivedPart[]
  /** For `multipart/form-data`: whether the closing delimiter arrived. */
  readonly multipartComplete: boolean
  /** The body ended early: the client went away or the connection broke. */
  readonly aborted: boolean
}

/** Options for {@link receiveBody}. */
export interface ReceiveOptions {
  /** Also fed with the content of the first multipart part that has a file name. */
  readonly fileSink?: Hash
}

/**
 * Reads a request body to its end, chunk by chunk, hashing the raw bytes and, for `multipart/form-data`,
 * each part. Memory stays flat: no chunk is kept once hashed.
 */
export async function receiveBody(req: IncomingMessage, options: ReceiveOptions = {}): Promise<ReceivedBody> {
  const contentType = req.headers['content-type']
  const boundary = multipartBoundary(contentType)
  const scanner = boundary === undefined ? undefined : new MultipartScanner(boundary, options.fileSink)
  const raw = createHash('sha256')
  let scanning = scanner
  let bytes = 0
  let aborted = false
  try {
    for await (const chunk of req) {
      const buffer = chunk as Buffer
      raw.update(buffer)
      bytes += buffer.length
      try {
        scanning?.write(buffer)
      } catch {
        scanning = undefined // a malformed body: count and hash the rest, parse no more
      }
    }
  } catch {
    aborted = true
  }
  return {
    framing: framingOf(req),
    ...(contentType === undefined ? {} : { contentType }),
    bytes,
    sha256: raw.digest('hex'),
    parts: scanner?.parts ?? [],
    multipartComplete: scanning?.complete ?? false,
    aborted,
  }
}

/** Parses `part <n>/<total>` or `bytes <from>-<to>/<total>`; undefined if absent, 'invalid' if malformed. */
export function parseContentRange(header: string | undefined): ContentRange | 'invalid' | undefined {
  if (header === undefined) return undefined
  const total = (text: string): number | '*' => (text === '*' ? '*' : Number(text))
  const part = /^part (\d+)\/(\d+|\*)$/i.exec(header.trim())
  if (part?.[1] !== undefined && part[2] !== undefined) {
    const range = { kind: 'part', part: Number(part[1]), total: total(part[2]) } as const
    return range.part >= 1 && (range.total === '*' || range.part <= range.total) ? range : 'invalid'
  }
  const bytes = /^bytes (\d+)-(\d+)\/(\d+|\*)$/i.exec(header.trim())
  if (bytes?.[1] !== undefined && bytes[2] !== undefined && bytes[3] !== undefined) {
    const range = {
      kind: 'bytes',
      from: Number(bytes[1]),
      to: Number(bytes[2]),
      total: total(bytes[3]),
    } as const
    return range.from <= range.to && (range.total === '*' || range.to < range.total) ? range : 'invalid'
  }
  return 'invalid'
}

function framingOf(req: IncomingMessage): ReceivedBody['framing'] {
  if (/\bchunked\b/i.test(req.headers['transfer-encoding'] ?? '')) return 'chunked'
  return req.headers['content-length'] === undefined ? 'none' : 'content-length'
}
