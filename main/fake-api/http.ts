import type { IncomingMessage, ServerResponse } from 'node:http'

const MAX_BODY = 64 * 1024

/** Sends a complete answer with a known length. */
export function send(
  res: ServerResponse,
  status: number,
  body: string,
  contentType: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  })
  res.end(body)
}

/** Reads a small body (JSON routes), keeping at most 64 KiB of it. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_BODY) break
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The body as a JSON object, if it was sent as `application/json` and is one. */
export function parseJsonObject(req: IncomingMessage, raw: string): Record<string, unknown> | undefined {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return undefined
  try {
    const value: unknown = JSON.parse(raw)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}
