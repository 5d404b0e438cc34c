import { isLoopbackHost } from '../../core/apivideo/environment'

/** The privileged custom scheme the renderer is served from, never `file://`. */
export const APP_SCHEME = 'app'

/** The one host of {@link APP_SCHEME}: everything the renderer loads lives under it. */
export const APP_HOST = 'renderer'

/** The renderer's origin in production. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

const ORIGIN_PROTOCOLS = new Set([`${APP_SCHEME}:`, 'http:', 'https:'])

/**
 * The origin of a URL as Chromium reports it ("app://renderer", "http://localhost:5173"), or null for URLs
 * that have none worth trusting (file:, data:, about:blank, garbage). Node's `URL.origin` answers "null" for
 * every non-special scheme such as ours, so the origin is rebuilt from protocol and host.
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (!ORIGIN_PROTOCOLS.has(parsed.protocol) || parsed.host === '') return null
  return `${parsed.protocol}//${parsed.host}`
}

/** True when `url` is at exactly `origin`. */
export function isAtOrigin(url: string, origin: string): boolean {
  return originOf(url) === origin
}

/**
 * Development means an unpackaged build under `electron-vite dev` or NODE_ENV=development: only then do
 * reload and the developer tools appear in the menu.
 */
export function isDevelopment(input: {
  readonly packaged: boolean
  readonly devServer: boolean
  readonly nodeEnv: string | undefined
}): boolean {
  return !input.packaged && (input.devServer || input.nodeEnv === 'development')
}

/** Where the window loads the renderer from, and the one origin trusted to call main. */
export interface RendererLocation {
  readonly url: string
  readonly origin: string
  /** True under `electron-vite dev`: no CSP header of ours, devtools allowed. */
  readonly devServer: boolean
}

/**
 * The renderer's location: `electron-vite dev`'s server (ELECTRON_RENDERER_URL) in an unpackaged build, when
 * it is plain http on loopback; otherwise the app scheme. A packaged app ignores the variable, so nobody can
 * point an installed app, preload and all, at a page of their choosing.
 */
export function rendererLocation(input: {
  readonly devServerUrl: string | undefined
  readonly packaged: boolean
}): RendererLocation {
  const { devServerUrl, packaged } = input
  if (!packaged && devServerUrl !== undefined && devServerUrl !== '') {
    const origin = originOf(devServerUrl)
    if (origin !== null) {
      const { protocol, hostname } = new URL(devServerUrl)
      if (protocol === 'http:' && isLoopbackHost(hostname))
        return { url: devServerUrl, origin, devServer: true }
    }
  }
  return { url: `${APP_ORIGIN}/index.html`, origin: APP_ORIGIN, devServer: false }
}
