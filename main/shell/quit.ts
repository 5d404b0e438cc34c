import type { Timers } from './timers'

/** The longest quitting waits for clean-up (clearing the clipboard, stopping the demo server). */
export const QUIT_CLEANUP_TIMEOUT_MS = 3000

/** The app as quitting uses it: Electron's app fits. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown
  quit(): void
}

/**
 * Makes quitting wait once for `cleanup`, then quit for real; a cleanup that hangs is given up after
 * {@link QUIT_CLEANUP_TIMEOUT_MS}. Returns whether the app is quitting, so closing the window can tell
 * "hide to the tray" from "the app is going away".
 */
export function quitAfterCleanup(
  app: QuittingApp,
  cleanup: () => Promise<void>,
  timers: Timers,
  onError: (error: unknown) => void,
): { readonly quitting: () => boolean } {
  let quitting = false
  let done = false
  let cleaning: Promise<void> | undefined
  app.on('before-quit', (event) => {
    quitting = true
    if (done) return
    event.preventDefault()
    if (cleaning !== undefined) return
    const timeout = new Promise<void>((resolve) => {
      timers.setTimeout(resolve, QUIT_CLEANUP_TIMEOUT_MS)
    })
    cleaning = Promise.race([cleanup().catch(onError), timeout]).finally(() => {
      done = true
      app.quit()
    })
  })
  return { quitting: () => quitting }
}
