import { APP_ORIGIN } from '../../../main/shell/web/app-origin'

/**
 * Chromium under Playwright cannot load a custom scheme, so the harness gives the app scheme's origin an
 * https stand-in (a secure context, like `app://` registered as secure) and translates at the edge: the page
 * loads {@link PAGE_ORIGIN}, while the app's protocol handler and its IPC sender check see `app://renderer`.
 */
export const PAGE_ORIGIN = 'https://renderer.app-scheme.test'

/** The page URL for an app-scheme URL; other URLs unchanged. */
export function toPageUrl(url: string): string {
  return url.startsWith(`${APP_ORIGIN}/`) || url === APP_ORIGIN
    ? PAGE_ORIGIN + url.slice(APP_ORIGIN.length)
    : url
}

/** The app-scheme URL a page URL stands for; other URLs unchanged. */
export function toAppUrl(url: string): string {
  return url.startsWith(`${PAGE_ORIGIN}/`) || url === PAGE_ORIGIN
    ? APP_ORIGIN + url.slice(PAGE_ORIGIN.length)
    : url
}
