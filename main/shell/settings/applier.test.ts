import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS, type Settings } from '../../core/profiles/schema'
import type { ServiceEvent } from '../../core/service/types'
import { createSettingsApplier } from './applier'

/** The engine's side: its settings, and the events it announces. */
function engine(initial: Settings = DEFAULT_SETTINGS) {
  let current = initial
  const listeners = new Set<(event: ServiceEvent) => void>()
  const announce = (event: ServiceEvent) => {
    for (const listener of listeners) listener(event)
  }
  return {
    settings: () => current,
    subscribe: (listener: (event: ServiceEvent) => void) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    /** What `updateSettings` or a reload of the profiles file does. */
    change(settings: Settings) {
      current = settings
      announce({ type: 'settings', settings })
    },
    announce,
  }
}

function setup(launchAtLogin = vi.fn<(enabled: boolean) => Promise<void>>(() => Promise.resolve())) {
  const nativeTheme = { themeSource: 'system' as 'system' | 'light' | 'dark' }
  const shortcut = { apply: vi.fn() }
  const onApplied = vi.fn()
  const onError = vi.fn()
  const applier = createSettingsApplier({ nativeTheme, shortcut, launchAtLogin, onApplied, onError })
  return { nativeTheme, shortcut, launchAtLogin, onApplied, onError, applier }
}

describe('createSettingsApplier', () => {
  it('applies the engine’s settings at start: the theme, the shortcut and launch at login', async () => {
    const { nativeTheme, shortcut, launchAtLogin, onApplied, applier } = setup()
    const settings = {
      ...DEFAULT_SETTINGS,
      theme: 'dark' as const,
      launchAtLogin: true,
      globalShortcut: { enabled: true, accelerator: 'Alt+T' },
    }
    await applier.follow(engine(settings))
    expect(nativeTheme.themeSource).toBe('dark')
    expect(shortcut.apply).toHaveBeenCalledWith({ enabled: true, accelerator: 'Alt+T' })
    expect(launchAtLogin).toHaveBeenCalledWith(true)
    expect(onApplied).toHaveBeenCalledOnce()
  })

  it('applies every change of settings the engine announces, and only those', async () => {
    const { nativeTheme, shortcut, onApplied, applier } = setup()
    const service = engine()
    await applier.follow(service)
    service.change({ ...DEFAULT_SETTINGS, theme: 'light' })
    await applier.settled()
    expect(nativeTheme.themeSource).toBe('light')
    service.announce({ type: 'problems', problems: [] })
    service.announce({ type: 'profiles', profiles: [] })
    await applier.settled()
    expect(shortcut.apply).toHaveBeenCalledTimes(2)
    expect(onApplied).toHaveBeenCalledTimes(2)
  })

  it('touches launch at login only when it changes', async () => {
    const { launchAtLogin, applier } = setup()
    const service = engine()
    await applier.follow(service)
    service.change({ ...DEFAULT_SETTINGS, theme: 'light' })
    await applier.settled()
    expect(launchAtLogin).toHaveBeenCalledOnce()
    service.change({ ...DEFAULT_SETTINGS, launchAtLogin: true })
    await applier.settled()
    expect(launchAtLogin).toHaveBeenLastCalledWith(true)
  })

  it('reports a launch-at-login failure as an app error, to settled and onError, and tries again next time', async () => {
    const failing = vi.fn<(enabled: boolean) => Promise<void>>(() =>
      Promise.reject(new Error('EACCES: permission denied')),
    )
    const { applier, onApplied, onError } = setup(failing)
    const on = { ...DEFAULT_SETTINGS, launchAtLogin: true }
    const service = engine(on)
    await applier.follow(service)
    const failure = {
      kind: 'launch-at-login',
      message: 'Launch at login could not be turned on (EACCES: permission denied).',
    }
    await expect(applier.settled()).rejects.toMatchObject(failure)
    expect(onError).toHaveBeenCalledExactlyOnceWith(expect.objectContaining(failure))
    expect(onApplied).toHaveBeenCalledOnce() // the app state is announced even so
    service.change(on)
    await expect(applier.settled()).rejects.toThrow()
    expect(failing).toHaveBeenCalledTimes(2)
  })

  it('serialises applications: one waits for the previous, so launch-at-login writes never overlap', async () => {
    const pending: { enabled: boolean; finish: () => void }[] = []
    const launchAtLogin = vi.fn(
      (enabled: boolean) => new Promise<void>((resolve) => pending.push({ enabled, finish: resolve })),
    )
    const { nativeTheme, applier } = setup(launchAtLogin)
    const service = engine({ ...DEFAULT_SETTINGS, launchAtLogin: true, theme: 'dark' })
    const started = applier.follow(service)
    service.change({ ...DEFAULT_SETTINGS, launchAtLogin: false, theme: 'light' })
    await Promise.resolve()
    expect(pending.map((call) => call.enabled)).toEqual([true])
    expect(nativeTheme.themeSource).toBe('dark')
    pending[0]?.finish()
    await started
    await vi.waitFor(() => expect(pending).toHaveLength(2))
    expect(pending[1]?.enabled).toBe(false)
    expect(nativeTheme.themeSource).toBe('light')
    pending[1]?.finish()
    await applier.settled()
    expect(launchAtLogin).toHaveBeenCalledTimes(2)
  })

  it('writes launch at login once when the same settings come twice at once', async () => {
    const finishes: (() => void)[] = []
    const launchAtLogin = vi.fn(() => new Promise<void>((resolve) => finishes.push(resolve)))
    const { applier } = setup(launchAtLogin)
    const on = { ...DEFAULT_SETTINGS, launchAtLogin: true }
    const service = engine(on)
    const started = applier.follow(service)
    service.change(on)
    await Promise.resolve()
    finishes[0]?.()
    await started
    for (const finish of finishes) finish()
    await applier.settled()
    expect(launchAtLogin).toHaveBeenCalledOnce()
  })

  it('goes on after a failure; settled answers for the latest application', async () => {
    let fail: (error: Error) => void = () => undefined
    const launchAtLogin = vi
      .fn<(enabled: boolean) => Promise<void>>()
      .mockImplementationOnce(() => new Promise<void>((_resolve, reject) => (fail = reject)))
      .mockImplementation(() => Promise.resolve())
    const { applier, onError } = setup(launchAtLogin)
    const on = { ...DEFAULT_SETTINGS, launchAtLogin: true }
    const service = engine(on)
    const started = applier.follow(service)
    const first = applier.settled()
    service.change(on)
    await Promise.resolve()
    expect(launchAtLogin).toHaveBeenCalledOnce()
    fail(new Error('EACCES'))
    await expect(first).rejects.toMatchObject({ kind: 'launch-at-login' })
    await started
    await expect(applier.settled()).resolves.toBeUndefined()
    expect(launchAtLogin).toHaveBeenCalledTimes(2)
    expect(onError).toHaveBeenCalledOnce()
  })
})
