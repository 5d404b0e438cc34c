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
 * for the settings screen) and launch at login. Idempotent, so it can run on every settings event; launch at
 * login is only touched when it changed or last failed.
 */
export function createSettingsApplier(deps: SettingsApplierDeps): (settings: Settings) => Promise<void> {
  let loginApplied: boolean | undefined
  return async (settings) => {
    deps.nativeTheme.themeSource = settings.theme
    deps.shortcut.apply(settings.globalShortcut)
    if (settings.launchAtLogin === loginApplied) return
    try {
      await deps.launchAtLogin(settings.launchAtLogin)
      loginApplied = settings.launchAtLogin
    } catch (error) {
      const detail = error instanceof Error ? ` (${error.message})` : ''
      throw new AppError(
        'launch-at-login',
        `Launch at login could not be ${settings.launchAtLogin ? 'turned on' : 'turned off'}${detail}.`,
        {
          cause: error,
        },
      )
    }
  }
}
