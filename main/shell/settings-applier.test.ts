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

  it('serialises calls: a second call waits for the first, so launch-at-login writes never overlap', async () => {
    const pending: { enabled: boolean; finish: () => void; fail: (error: Error) => void }[] = []
    const launchAtLogin = vi.fn(
      (enabled: boolean) =>
        new Promise<void>((resolve, reject) => pending.push({ enabled, finish: resolve, fail: reject })),
    )
    const { nativeTheme, apply } = setup(launchAtLogin)
    const turnOn = apply({ ...DEFAULT_SETTINGS, launchAtLogin: true, theme: 'dark' })
    const turnOff = apply({ ...DEFAULT_SETTINGS, launchAtLogin: false, theme: 'light' })
    await Promise.resolve()
    expect(pending.map((call) => call.enabled)).toEqual([true])
    expect(nativeTheme.themeSource).toBe('dark')
    pending[0]?.finish()
    await turnOn
    await vi.waitFor(() => expect(pending).toHaveLength(2))
    expect(pending[1]?.enabled).toBe(false)
    expect(nativeTheme.themeSource).toBe('light')
    pending[1]?.finish()
    await turnOff
    expect(launchAtLogin).toHaveBeenCalledTimes(2)
  })

  it('writes launch at login once when the same settings are applied twice at once', async () => {
    const finishes: (() => void)[] = []
    const launchAtLogin = vi.fn(() => new Promise<void>((resolve) => finishes.push(resolve)))
    const { apply } = setup(launchAtLogin)
    const on = { ...DEFAULT_SETTINGS, launchAtLogin: true }
    const first = apply(on)
    const second = apply(on)
    await Promise.resolve()
    finishes[0]?.()
    await first
    for (const finish of finishes) finish()
    await second
    expect(launchAtLogin).toHaveBeenCalledOnce()
  })

  it('goes on with the next call when one fails, each caller getting its own outcome', async () => {
    let fail: (error: Error) => void = () => undefined
    const launchAtLogin = vi
      .fn<(enabled: boolean) => Promise<void>>()
      .mockImplementationOnce(() => new Promise<void>((_resolve, reject) => (fail = reject)))
      .mockImplementation(() => Promise.resolve())
    const { apply } = setup(launchAtLogin)
    const turnOn = apply({ ...DEFAULT_SETTINGS, launchAtLogin: true })
    const turnOnAgain = apply({ ...DEFAULT_SETTINGS, launchAtLogin: true })
    await Promise.resolve()
    expect(launchAtLogin).toHaveBeenCalledOnce()
    fail(new Error('EACCES'))
    await expect(turnOn).rejects.toMatchObject({ kind: 'launch-at-login' })
    await expect(turnOnAgain).resolves.toBeUndefined()
    expect(launchAtLogin).toHaveBeenCalledTimes(2)
  })
})
