import { APP_NAME } from '../../core/app-info'
import type { Notice, Notify } from '../notifications/notice'

/**
 * What to say the first time the window is closed to the tray, or null once it was said. On Linux a
 * desktop may show no tray at all (GNOME without an extension), so launching again comes first there.
 */
export function trayHint(platform: NodeJS.Platform, alreadyShown: boolean): Notice | null {
  if (alreadyShown) return null
  const body = ((): string => {
    switch (platform) {
      case 'linux':
        return `${APP_NAME} is still running in the background; launching it again always reopens its window, and so does its tray icon where the desktop shows one.`
      case 'darwin':
        return `${APP_NAME} is still running in the menu bar; launch it again or use its icon there to reopen its window.`
      default:
        return `${APP_NAME} is still running in the tray; launch it again or use the tray icon to reopen its window.`
    }
  })()
  return { title: 'Still running', body, silent: true }
}

/** Where it is remembered that the hint was given. */
export interface TrayHintStore {
  shown(): Promise<boolean>
  markShown(): Promise<void>
}

/** What giving the hint needs. */
export interface TrayHintDeps {
  readonly platform: NodeJS.Platform
  /** The app's notifier: clicking the notice opens the window. */
  readonly notify: Notify
  readonly store: TrayHintStore
  readonly onError: (error: unknown) => void
}

/**
 * Returns what to call every time the window is closed (hidden) to the tray while the app keeps running:
 * the first time ever, it says where the app went; never again, in this run or a later one. Never rejects.
 */
export function createTrayHint(deps: TrayHintDeps): () => Promise<void> {
  let asked = false
  return async () => {
    if (asked) return
    asked = true
    try {
      const notice = trayHint(deps.platform, await deps.store.shown())
      if (notice === null) return
      deps.notify(notice)
      await deps.store.markShown()
    } catch (error) {
      deps.onError(error)
    }
  }
}
