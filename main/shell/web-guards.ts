import type { App, Session, WebContents } from 'electron'
import { isAtOrigin } from './app-origin'

/**
 * The only pages the app hands to the system browser: api.video's own sites, over https, with no
 * credentials in the URL. Anything else a page asks to open is dropped.
 */
const EXTERNAL_ORIGINS = new Set([
  'https://api.video',
  'https://dashboard.api.video',
  'https://docs.api.video',
])

/** True when `url` may be opened in the system browser with `shell.openExternal`. */
export function externalUrlAllowed(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return parsed.username === '' && parsed.password === '' && EXTERNAL_ORIGINS.has(parsed.origin)
}

/** The parts of a web contents the guards hook into. */
export type GuardedContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>

/** Opens a URL in the system browser (`shell.openExternal`). */
export type OpenExternal = (url: string) => Promise<void>

/**
 * Locks a web contents to our origin: no new windows (api.video links go to the system browser), no
 * navigation or redirect away, in any frame, and no `<webview>`.
 */
export function guardWebContents(
  contents: GuardedContents,
  origin: string,
  openExternal: OpenExternal,
): void {
  const handOver = (url: string): void => {
    if (externalUrlAllowed(url)) openExternal(url).catch(() => undefined)
  }
  contents.setWindowOpenHandler(({ url }) => {
    handOver(url)
    return { action: 'deny' }
  })
  const stayHome = (details: { readonly url: string; preventDefault(): void }): void => {
    if (isAtOrigin(details.url, origin)) return
    details.preventDefault()
    handOver(details.url)
  }
  contents.on('will-navigate', stayHome)
  contents.on('will-frame-navigate', stayHome)
  contents.on('will-redirect', (details) => {
    if (!isAtOrigin(details.url, origin)) details.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** The permission hooks of a session. */
export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>

/** The renderer needs no permission at all (no camera, notifications, clipboard, …): every ask is denied. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** Where certificate errors come from: Electron's app. */
export interface CertificateErrorSource {
  on(
    event: 'certificate-error',
    listener: (
      event: unknown,
      contents: unknown,
      url: string,
      error: string,
      certificate: unknown,
      callback: (isTrusted: boolean) => void,
    ) => void,
  ): unknown
}

/**
 * Refuses every certificate error explicitly rather than relying on the default, so no future handler can
 * quietly trust a bad certificate. (api.video calls go through Node's fetch, which verifies on its own.)
 */
export function refuseCertificateErrors(app: CertificateErrorSource): void {
  app.on('certificate-error', (_event, _contents, _url, _error, _certificate, callback) => callback(false))
}

/** Guards every web contents the app ever creates, including any created behind our back. */
export function guardAllWebContents(app: Pick<App, 'on'>, origin: string, openExternal: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origin, openExternal))
}
