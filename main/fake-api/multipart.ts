import { createHash, type Hash } from 'node:crypto'

/** One part of a multipart body, as received: its headers' names and a digest of its content. */
export interface ReceivedPart {
  /** The form field name (the official Node client uses the file's base name here, not `file`). */
  readonly field: string
  readonly filename?: string
  readonly contentType?: string
  readonly bytes: number
  readonly sha256: string
}

interface OpenPart {
  readonly field: string
  readonly filename?: string
  readonly contentType?: string
  readonly hash: Hash
  /** Also fed with this part's content: the first file part's content goes into a running source digest. */
  readonly sink?: Hash
  bytes: number
}

type State = 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done'

const CRLF = Buffer.from('\r\n')
const HEADER_END = Buffer.from('\r\n\r\n')
const MAX_HEADER_BYTES = 16 * 1024

/** The boundary of a `multipart/form-data` content type, or undefined for any other type. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType ?? '')) return undefined
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '')
  return match?.[1] ?? match?.[2]
}

/**
 * Reads a `multipart/form-data` body chunk by chunk (RFC 7578 / RFC 2046), hashing each part's content as it
 * passes. It keeps only a delimiter's length of bytes between chunks, so memory stays flat however large the
 * file. Whatever is malformed ends up as a body with no finished parts, or not {@link complete}.
 */
export class MultipartScanner {
  private readonly delimiter: Buffer
  private state: State = 'preamble'
  // A virtual CRLF lets the first delimiter, which has none before it, match like the others.
  private carry: Buffer = CRLF
  private open: OpenPart | undefined
  private readonly finished: ReceivedPart[] = []
  private fileSinkUsed = false

  /** `fileSink`, if given, also receives the content of the first part that has a file name. */
  constructor(
    boundary: string,
    private readonly fileSink?: Hash,
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`)
  }

  /** Parts whose content ended with a delimiter, in order. */
  get parts(): readonly ReceivedPart[] {
    return this.finished
  }

  /** Whether the closing delimiter (`--boundary--`) was seen. */
  get complete(): boolean {
    return this.state === 'done'
  }

  /** Feeds the next chunk of the body. Throws a RangeError for a part header block over 16 KiB. */
  write(chunk: Buffer): void {
    if (this.state === 'done') return
    const buffer = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk])
    this.carry = Buffer.alloc(0)
    let at = 0
    for (;;) {
      const next = this.step(buffer, at)
      if (next === undefined) return
      at = next
    }
  }

  /** One step of the state machine from `at`; undefined once the rest of `buffer` is carried or consumed. */
  private step(buffer: Buffer, at: number): number | undefined {
    switch (this.state) {
      case 'done':
        return undefined
      case 'preamble':
      case 'body': {
        const found = buffer.indexOf(this.delimiter, at)
        const end = found < 0 ? Math.max(at, buffer.length - this.delimiter.length + 1) : found
        if (this.state === 'body') this.feed(buffer.subarray(at, end))
        if (found < 0) return this.keep(buffer, end)
        if (this.state === 'body') this.close()
        this.state = 'after-delimiter'
        return found + this.delimiter.length
      }
      case 'after-delimiter': {
        if (buffer.length - at < 2) return this.keep(buffer, at)
        if (buffer[at] === 0x2d && buffer[at + 1] === 0x2d) {
          this.state = 'done'
          return undefined
        }
        this.state = 'headers'
        return at
      }
      case 'headers': {
        // The block runs from the CRLF that ends the delimiter line to the blank line.
        const end = buffer.indexOf(HEADER_END, at)
        if (end < 0) {
          if (buffer.length - at > MAX_HEADER_BYTES) throw new RangeError('A part header block is too large.')
          return this.keep(buffer, at)
        }
        const lineEnd = buffer.indexOf(CRLF, at)
        this.start(buffer.subarray(lineEnd + 2, end).toString('latin1'))
        this.state = 'body'
        return end + HEADER_END.length
      }
    }
  }

  private keep(buffer: Buffer, from: number): undefined {
    this.carry = Buffer.from(buffer.subarray(from))
    return undefined
  }

  private start(headerBlock: string): void {
    const headers = new Map<string, string>()
    for (const line of headerBlock.split('\r\n')) {
      const colon = line.indexOf(':')
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
    }
    const disposition = headers.get('content-disposition') ?? ''
    const filename = parameter(disposition, 'filename')
    const contentType = headers.get('content-type')
    const isFirstFile = filename !== undefined && !this.fileSinkUsed
    if (isFirstFile) this.fileSinkUsed = true
    this.open = {
      field: parameter(disposition, 'name') ?? '',
      ...(filename === undefined ? {} : { filename }),
      ...(contentType === undefined ? {} : { contentType }),
      hash: createHash('sha256'),
      ...(isFirstFile && this.fileSink !== undefined ? { sink: this.fileSink } : {}),
      bytes: 0,
    }
  }

  private feed(bytes: Buffer): void {
    if (this.open === undefined || bytes.length === 0) return
    this.open.hash.update(bytes)
    this.open.sink?.update(bytes)
    this.open.bytes += bytes.length
  }

  private close(): void {
    const part = this.open
    if (part === undefined) return
    this.finished.push({
      field: part.field,
      ...(part.filename === undefined ? {} : { filename: part.filename }),
      ...(part.contentType === undefined ? {} : { contentType: part.contentType }),
      bytes: part.bytes,
      sha256: part.hash.digest('hex'),
    })
    this.open = undefined
  }
}

/** A `Content-Disposition` parameter, quoted or not. */
function parameter(disposition: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${name}=([^;\\s]+)`, 'i').exec(
    disposition,
  )
  const quoted = match?.[1]
  return quoted === undefined ? match?.[2] : quoted.replace(/\\(.)/g, '$1')
}
