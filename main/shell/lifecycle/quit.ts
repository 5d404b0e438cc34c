import type { TimerHandle, Timers } from '../timers'

/** After this long in the critical part of quitting, the person is told why the app has not quit yet. */
export const QUIT_SLOW_NOTICE_MS = 1000

/** The longest quitting waits for the best-effort part (window state, demo server, tray). */
export const BEST_EFFORT_LIMIT_MS = 3000

/** The app as quitting uses it: Electron's app fits. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown
  quit(): void
}

/** What quitting waits for, in this order. */
export interface QuitCleanup {
  /**
   * Must finish before the app exits, however long it takes, so it is never timed out: waiting for refreshes
   * in flight (api.video has rotated the refresh token; the keychain must get the new one), then closing and
   * clearing the clipboard. Its own steps are bounded by their own timeouts (HTTP, keychain).
   */
  readonly critical: () => Promise<void>
  /**
   * Worth doing, not worth hanging for: given up after {@link BEST_EFFORT_LIMIT_MS}. Runs once the critical
   * part is over, so it may stop what a refresh might still have used (the demo server, the tray).
   */
  readonly bestEffort: () => Promise<void>
}

/** How quitting waits and reports. */
export interface QuitOptions {
  readonly timers: Timers
  readonly onError: (error: unknown) => void
  /** Called once when the critical part takes over {@link QUIT_SLOW_NOTICE_MS}: show why the app is still here. */
  readonly onSlow: () => void
}

/**
 * Makes quitting wait once for `cleanup`, then quit for real. Returns whether the app is quitting, so closing
 * the window can tell "hide to the tray" from "the app is going away".
 */
export function quitAfterCleanup(
  app: QuittingApp,
  cleanup: QuitCleanup,
  options: QuitOptions,
): { readonly quitting: () => boolean } {
  let quitting = false
  let done = false
  let cleaning = false
  app.on('before-quit', (event) => {
    quitting = true
    if (done) return
    event.preventDefault()
    if (cleaning) return
    cleaning = true
    // runCleanup reports every failure itself and never rejects.
    void runCleanup(cleanup, options).finally(() => {
      done = true
      app.quit()
    })
  })
  return { quitting: () => quitting }
}

/** The critical part without a deadline (with a notice when slow), then the best-effort part with one. */
async function runCleanup(cleanup: QuitCleanup, { timers, onError, onSlow }: QuitOptions): Promise<void> {
  const slow = timers.setTimeout(() => {
    try {
      onSlow()
    } catch (error) {
      onError(error)
    }
  }, QUIT_SLOW_NOTICE_MS)
  try {
    await cleanup.critical()
  } catch (error) {
    onError(error)
  } finally {
    timers.clearTimeout(slow)
  }
  let limit: TimerHandle | undefined
  const givenUp = new Promise<void>((resolve) => {
    limit = timers.setTimeout(resolve, BEST_EFFORT_LIMIT_MS)
  })
  try {
    // Started inside a promise so that even a step that throws at once is reported, not left unhandled.
    const bestEffort = Promise.resolve().then(cleanup.bestEffort).catch(onError)
    await Promise.race([bestEffort, givenUp])
  } finally {
    if (limit !== undefined) timers.clearTimeout(limit)
  }
}
