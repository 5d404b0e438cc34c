import type { PreloadScriptRegistration, Session } from 'electron'

/** The id the app's preload is registered under. */
export const PRELOAD_ID = 'avcm-window-api'

/**
 * The app's preload registration: the built bridge (a CommonJS file, as a sandboxed preload must be), in
 * frames only, and only in documents at the renderer's own origin (`app://renderer`, or the dev server). A
 * page from anywhere else, even inside the app's window, never gets `window.api`.
 */
export function preloadRegistration(filePath: string, origin: string): PreloadScriptRegistration {
  return { id: PRELOAD_ID, type: 'frame', filePath, matches: [`${origin}/*`] }
}

/** Registers the app's preload on a session. */
export function registerPreload(
  session: Pick<Session, 'registerPreloadScript'>,
  filePath: string,
  origin: string,
): void {
  session.registerPreloadScript(preloadRegistration(filePath, origin))
}
