import type { Protocol } from 'electron'
import { extname, resolve, sep } from 'node:path'
import { APP_HOST, APP_SCHEME } from './app-origin'

/**
 * The renderer's Content-Security-Policy, sent as a header with every response of the app scheme. It is
 * renderer/index.html's meta policy plus `frame-ancestors`, which only a header can carry.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

/**
 * The file under `root` that an app-scheme URL names, or null when the URL is not ours or would leave
 * `root` (`..`, encoded or not, backslashes, NUL bytes). `/` is index.html.
 */
export function resolveRendererFile(url: string, root: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const base = resolve(root)
  const file = resolve(base, pathname === '/' || pathname === '' ? 'index.html' : `.${pathname}`)
  return file.startsWith(base + sep) ? file : null
}

/** The headers of a renderer file: its type, the CSP, and no sniffing, caching or referrer. */
export function rendererHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  }
}

/** Reads a file's bytes; fs.readFile in the app (it reads inside app.asar too), a fake in tests. */
export type ReadFile = (path: string) => Promise<Uint8Array>

/** Answers one app-scheme request from the files under `root`. */
export function createRendererHandler(
  root: string,
  readFile: ReadFile,
): (request: Pick<Request, 'url' | 'method'>) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 })
    }
    const file = resolveRendererFile(request.url, root)
    if (file === null) return new Response('Not found', { status: 404 })
    const body = await readFile(file).catch(() => null)
    if (body === null) return new Response('Not found', { status: 404 })
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: rendererHeaders(file),
    })
  }
}

/**
 * Declares the app scheme standard and secure, so pages on it get an origin, module scripts and the
 * same-origin policy. Electron requires this before the app is ready.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves the built renderer on the app scheme of the default session. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, root: string, readFile: ReadFile): void {
  const handler = createRendererHandler(root, readFile)
  protocol.handle(APP_SCHEME, (request) => handler(request))
}
