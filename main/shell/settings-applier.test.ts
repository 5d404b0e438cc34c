import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../core/profiles/schema'
import { createSettingsApplier } from './settings-applier'

function setup(launchAtLogin = vi.fn<(enabled: boolean) => Promise<void>>(() => Promise.resolve())) {
  const nativeTheme = { themeSource: 'system' as 'system' | 'light' | 'dark' }
  const shortcut = { apply: vi.fn() }
  return {
    nativeTheme,
    shortcut,
    launchAtLogin,
    apply: createSettingsApplier({ nativeTheme, shortcut, launchAtLogin }),
  }
}

describe('createSettingsApplier', () => {
  it('applies the theme, the shortcut and launch at login', async () => {
    const { nativeTheme, shortcut, launchAtLogin, apply } = setup()
    const settings = {
      ...DEFAULT_SETTINGS,
      theme: 'dark' as const,
      launchAtLogin: true,
      globalShortcut: { enabled: true, accelerator: 'Alt+T' },
    }
    await apply(settings)
    expect(nativeTheme.themeSource).toBe('dark')
    expect(shortcut.apply).toHaveBeenCalledWith({ enabled: true, accelerator: 'Alt+T' })
    expect(launchAtLogin).toHaveBeenCalledWith(true)
  })

  it('touches launch at login only when it changes', async () => {
    const { launchAtLogin, apply } = setup()
    await apply(DEFAULT_SETTINGS)
    await apply({ ...DEFAULT_SETTINGS, theme: 'light' })
    expect(launchAtLogin).toHaveBeenCalledOnce()
    await apply({ ...DEFAULT_SETTINGS, launchAtLogin: true })
    expect(launchAtLogin).toHaveBeenLastCalledWith(true)
  })

  it('reports a launch-at-login failure as an app error, and tries again next time', async () => {
    const failing = vi.fn<(enabled: boolean) => Promise<void>>(() =>
      Promise.reject(new Error('EACCES: permission denied')),
    )
    const { apply } = setup(failing)
    const on = { ...DEFAULT_SETTINGS, launchAtLogin: true }
    await expect(apply(on)).rejects.toMatchObject({
      kind: 'launch-at-login',
      message: 'Launch at login could not be turned on (EACCES: permission denied).',
    })
    await expect(apply(on)).rejects.toThrow()
    expect(failing).toHaveBeenCalledTimes(2)
  })
})
