import type { NativeTheme } from 'electron'
import { AppError } from '../../core/errors'
import type { Settings } from '../../core/profiles/schema'
import type { CredentialService } from '../../core/service/service'
import type { ShortcutController } from './global-shortcut'

/** What applying settings touches outside the engine, and who hears about it. */
export interface SettingsApplierDeps {
  readonly nativeTheme: Pick<NativeTheme, 'themeSource'>
  readonly shortcut: Pick<ShortcutController, 'apply'>
  readonly launchAtLogin: (enabled: boolean) => Promise<void>
  /** After each application, whatever its outcome: the shortcut's error (in the app state) may have changed. */
  readonly onApplied: () => void
  /** A failed application, as an {@link AppError} of kind `launch-at-login`. */
  readonly onError: (error: unknown) => void
}

/** The one path by which settings reach the theme, the global shortcut and launch at login. */
export interface SettingsApplier {
  /**
   * Applies the engine's settings now, then again on every change the engine announces: an update from the
   * window, or the profiles file changed by another process. Resolves once the current settings are applied.
   */
  follow(service: Pick<CredentialService, 'settings' | 'subscribe'>): Promise<void>
  /** The outcome of the latest application: the settings update waits for it, so its failure is the answer. */
  settled(): Promise<void>
}

/**
 * Applies the settings that live outside the engine: the theme, the global shortcut (whose failure is kept
 * for the settings screen) and launch at login. Applications are serialised: one waits until the previous is
 * done, so two launch-at-login writes (a login item, an autostart file written or removed) never overlap and
 * the last one wins. Launch at login is only touched when it changed or last failed.
 */
export function createSettingsApplier(deps: SettingsApplierDeps): SettingsApplier {
  let loginApplied: boolean | undefined
  let queue: Promise<unknown> = Promise.resolve()
  let latest: Promise<void> = Promise.resolve()

  async function applyNow(settings: Settings): Promise<void> {
    try {
      deps.nativeTheme.themeSource = settings.theme
      deps.shortcut.apply(settings.globalShortcut)
      if (settings.launchAtLogin === loginApplied) return
      try {
        await deps.launchAtLogin(settings.launchAtLogin)
        loginApplied = settings.launchAtLogin
      } catch (error) {
        // Unknown again: whatever was half done, the next application writes it anew.
        loginApplied = undefined
        const detail = error instanceof Error ? ` (${error.message})` : ''
        throw new AppError(
          'launch-at-login',
          `Launch at login could not be ${settings.launchAtLogin ? 'turned on' : 'turned off'}${detail}.`,
          { cause: error },
        )
      }
    } finally {
      deps.onApplied()
    }
  }

  function apply(settings: Settings): Promise<void> {
    const run = queue.then(() => applyNow(settings))
    // The queue goes on after a failure, which is reported once here and kept for `settled`.
    queue = run.catch(() => undefined)
    latest = run
    return run.catch(deps.onError)
  }

  return {
    follow(service) {
      service.subscribe((event) => {
        if (event.type === 'settings') void apply(event.settings)
      })
      return apply(service.settings())
    },
    settled: () => latest,
  }
}
