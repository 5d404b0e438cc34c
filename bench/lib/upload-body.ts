import { createHash } from 'node:crypto'
import { request, type Agent } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

const BOUNDARY = 'avcm-bench-8d1f0c2b6e4a49f7a3c5'
const CHUNK = 64 * 1024

/**
 * A `multipart/form-data` upload body of `fileBytes` bytes of video, as api.video's clients send to
 * `POST /videos/{videoId}/source`, made on the fly: the file is 64 KiB chunks of one pseudo-random block,
 * each stamped with its index, so the same bytes come out every time and no more than a chunk is held.
 */
export class UploadBody {
  readonly contentType = `multipart/form-data; boundary=${BOUNDARY}`
  private readonly head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="bench.mp4"\r\n` +
      'Content-Type: video/mp4\r\n\r\n',
  )
  private readonly tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`)
  private readonly block: Buffer

  constructor(readonly fileBytes: number) {
    const parts: Buffer[] = []
    for (let i = 0; i * 32 < CHUNK; i += 1) parts.push(createHash('sha256').update(`block ${i}`).digest())
    this.block = Buffer.concat(parts).subarray(0, CHUNK)
  }

  /** The whole body's length, head and tail included. */
  get length(): number {
    return this.head.length + this.fileBytes + this.tail.length
  }

  /** A fresh stream of the body. */
  stream(): Readable {
    const chunks = this.chunks()
    return new Readable({
      highWaterMark: CHUNK,
      read() {
        const next = chunks.next()
        this.push(next.done === true ? null : next.value)
      },
    })
  }

  /** SHA-256 (hex) of the file and of the whole body, computed by reading one stream through. */
  async digests(): Promise<{ readonly file: string; readonly body: string }> {
    const file = createHash('sha256')
    const body = createHash('sha256')
    let at = 0
    for await (const chunk of this.stream()) {
      const buffer = chunk as Buffer
      body.update(buffer)
      // The file is what lies between head and tail.
      const from = Math.max(0, this.head.length - at)
      const to = Math.min(buffer.length, this.head.length + this.fileBytes - at)
      if (to > from) file.update(buffer.subarray(from, to))
      at += buffer.length
    }
    return { file: file.digest('hex'), body: body.digest('hex') }
  }

  private *chunks(): Generator<Buffer> {
    yield Buffer.from(this.head)
    for (let at = 0, index = 0; at < this.fileBytes; at += CHUNK, index += 1) {
      // A new buffer each time: the socket may still hold the previous one.
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, this.fileBytes - at))
      this.block.copy(chunk, 0, 0, chunk.length)
      chunk.writeUInt32BE(index, 0)
      yield chunk
    }
    yield Buffer.from(this.tail)
  }
}

/** What `POST /videos/{videoId}/source` answered: the status and the fake's `received` receipt. */
export interface UploadAnswer {
  readonly status: number
  readonly received?: {
    readonly framing: string
    readonly bytes: number
    readonly sha256: string
    readonly file?: { readonly bytes: number; readonly sha256: string }
  }
}

/**
 * Sends the body to `url` with node:http (chunked, or with a Content-Length), streaming it; resolves with
 * the answer once the response has been read whole.
 */
export function sendUpload(
  url: string,
  body: UploadBody,
  options: {
    readonly framing: 'chunked' | 'content-length'
    readonly headers?: Record<string, string>
    readonly agent?: Agent
  },
): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent: options.agent,
        headers: {
          ...options.headers,
          'Content-Type': body.contentType,
          ...(options.framing === 'content-length' ? { 'Content-Length': String(body.length) } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.once('error', reject)
        response.once('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          try {
            const json = JSON.parse(text) as { received?: UploadAnswer['received'] }
            resolve({
              status: response.statusCode ?? 0,
              ...(json.received === undefined ? {} : { received: json.received }),
            })
          } catch {
            reject(
              new Error(
                `POST ${new URL(url).pathname} answered ${response.statusCode}: ${text.slice(0, 200)}`,
              ),
            )
          }
        })
      },
    )
    outgoing.once('error', reject)
    pipeline(body.stream(), outgoing).catch(reject)
  })
}
