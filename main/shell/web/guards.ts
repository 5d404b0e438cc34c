import type { Event, Session, Shell, WebContents } from 'electron'
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

/** Electron's shell, as far as the guards use it: the system browser. */
export type ExternalOpener = Pick<Shell, 'openExternal'>

/**
 * Locks a web contents to our origin: no new windows (api.video links go to the system browser), no
 * navigation or redirect away, in any frame, and no `<webview>`.
 */
export function guardWebContents(contents: GuardedContents, origin: string, shell: ExternalOpener): void {
  const handOver = (url: string): void => {
    // The app's one openExternal (electronegativity's OPEN_EXTERNAL_JS_CHECK, allowed by
    // scripts/security-audit.mjs on this line only): reached only for URLs externalUrlAllowed passes, https
    // pages of api.video's own sites with no credentials in them.
    if (externalUrlAllowed(url)) shell.openExternal(url).catch(() => undefined)
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

/** Where Electron announces new web contents: its app. */
export interface WebContentsSource {
  on(event: 'web-contents-created', listener: (event: Event, contents: WebContents) => void): unknown
}

/** Guards every web contents the app ever creates, including any created behind our back. */
export function guardAllWebContents(app: WebContentsSource, origin: string, shell: ExternalOpener): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origin, shell))
}
