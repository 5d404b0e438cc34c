import { createHash, randomBytes } from 'node:crypto'
import { request } from 'node:http'
import { Readable, Transform, Writable, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/** A length and a SHA-256 (hex). */
export interface Digest {
  readonly bytes: number
  readonly sha256: string
}

const CHUNK = 64 * 1024

/**
 * `size` deterministic bytes, generated a chunk at a time and never held whole: every 64 KiB chunk is one
 * pseudo-random block (from `seed`) with the chunk's index stamped in, so a lost, repeated or reordered chunk
 * changes the digest. Each call to `stream()` yields the same bytes again.
 */
export function generatedFile(size: number, seed = 1): { readonly size: number; stream(): Readable } {
  const block = createHash('sha512').update(`seed-${seed}`).digest()
  const base = Buffer.alloc(CHUNK)
  for (let at = 0; at < CHUNK; at += block.length) block.copy(base, at)
  return {
    size,
    stream: () =>
      Readable.from(
        (function* chunks() {
          for (let index = 0, sent = 0; sent < size; index += 1) {
            const chunk = Buffer.from(base.subarray(0, Math.min(CHUNK, size - sent)))
            chunk.writeUInt32BE(index, 0)
            sent += chunk.length
            yield chunk
          }
        })(),
        { objectMode: false },
      ),
  }
}

/** A pass-through that hashes what flows through it; {@link HashingTap.digest} once it has ended. */
export class HashingTap extends Transform {
  private readonly hash = createHash('sha256')
  private bytes = 0

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk)
    this.bytes += chunk.length
    done(null, chunk)
  }

  /** What passed through; call once, after the stream ended. */
  digest(): Digest {
    return { bytes: this.bytes, sha256: this.hash.digest('hex') }
  }
}

/** The digest of a whole stream. */
export async function digestOf(stream: Readable): Promise<Digest> {
  const tap = new HashingTap()
  await pipeline(stream, tap, new Writable({ write: (_chunk, _encoding, done) => done() }))
  return tap.digest()
}

/** Options for {@link multipartUpload}. */
export interface MultipartOptions {
  readonly filename: string
  /** The form field; the official Node client uses the file's base name, which is the default here. */
  readonly field?: string
  readonly contentType?: string
  /** Known file size: the body is then sent with a Content-Length, as the official client does. */
  readonly size?: number
}

/**
 * One file wrapped in `multipart/form-data` framing as the official Node client sends it (the form-data
 * package's boundary and part headers), streamed, with the headers to send it with.
 */
export function multipartUpload(
  file: Readable,
  options: MultipartOptions,
): { readonly headers: Record<string, string>; readonly body: Readable } {
  const boundary = `--------------------------${randomBytes(12).toString('hex')}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? options.filename}"; ` +
      `filename="${options.filename}"\r\nContent-Type: ${options.contentType ?? 'application/octet-stream'}\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const body = Readable.from(
    (async function* framed() {
      yield head
      for await (const chunk of file) yield chunk as Buffer
      yield tail
    })(),
    { objectMode: false },
  )
  const headers: Record<string, string> = { 'Content-Type': `multipart/form-data; boundary=${boundary}` }
  if (options.size !== undefined) headers['Content-Length'] = String(head.length + options.size + tail.length)
  return { headers, body }
}

/**
 * POSTs a stream with backpressure: with a Content-Length if `headers` has one, else chunked. Resolves with
 * the status and the parsed JSON answer (or its text).
 */
export function postStream(
  url: string,
  body: Readable,
  headers: Record<string, string>,
): Promise<{ readonly status: number; readonly body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let parsed: unknown = text
        try {
          parsed = JSON.parse(text)
        } catch {
          // not JSON: the text itself
        }
        resolve({ status: res.statusCode ?? 0, body: parsed })
      })
    })
    req.on('error', reject)
    pipeline(body, req).catch(reject)
  })
}
