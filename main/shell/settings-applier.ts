import type { NativeTheme } from 'electron'
import { AppError } from '../core/errors'
import type { Settings } from '../core/profiles/schema'
import type { ShortcutController } from './global-shortcut'

/** What applying settings touches outside the engine. */
export interface SettingsApplierDeps {
  readonly nativeTheme: Pick<NativeTheme, 'themeSource'>
  readonly shortcut: Pick<ShortcutController, 'apply'>
  readonly launchAtLogin: (enabled: boolean) => Promise<void>
}

/**
 * Applies the settings that live outside the engine: the theme, the global shortcut (whose failure is kept
 * for the settings screen) and launch at login. Calls are serialised: a second call waits until the first is
 * done, so two launch-at-login writes (a login item, an autostart file written or removed) never overlap and
 * the last call wins. Launch at login is only touched when it changed or last failed; a failure rejects that
 * call only, as an {@link AppError} of kind `launch-at-login`.
 */
export function createSettingsApplier(deps: SettingsApplierDeps): (settings: Settings) => Promise<void> {
  let loginApplied: boolean | undefined
  let previous: Promise<unknown> = Promise.resolve()

  async function applyNow(settings: Settings): Promise<void> {
    deps.nativeTheme.themeSource = settings.theme
    deps.shortcut.apply(settings.globalShortcut)
    if (settings.launchAtLogin === loginApplied) return
    try {
      await deps.launchAtLogin(settings.launchAtLogin)
      loginApplied = settings.launchAtLogin
    } catch (error) {
      // Unknown again: whatever was half done, the next call writes it anew.
      loginApplied = undefined
      const detail = error instanceof Error ? ` (${error.message})` : ''
      throw new AppError(
        'launch-at-login',
        `Launch at login could not be ${settings.launchAtLogin ? 'turned on' : 'turned off'}${detail}.`,
        { cause: error },
      )
    }
  }

  return (settings) => {
    const run = previous.then(() => applyNow(settings))
    // The queue goes on after a failure; the failing call's own caller gets the error.
    previous = run.catch(() => undefined)
    return run
  }
}
