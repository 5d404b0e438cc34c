import { describe, expect, it, vi } from 'vitest'
import { copyDefaultProfile, defaultProfileId, ShortcutController } from './global-shortcut'

/** globalShortcut with a registry, where some accelerators are taken and some are nonsense. */
function fakeGlobalShortcut(taken: readonly string[] = []) {
  const registered = new Map<string, () => void>()
  return {
    registered,
    register: vi.fn((accelerator: string, callback: () => void) => {
      if (accelerator.includes('Nonsense')) throw new Error('conversion failure')
      if (taken.includes(accelerator) || registered.has(accelerator)) return false
      registered.set(accelerator, callback)
      return true
    }),
    unregister: vi.fn((accelerator: string) => void registered.delete(accelerator)),
  }
}

describe('ShortcutController', () => {
  it('is off by default, and registers the accelerator when enabled, calling back on press', () => {
    const shortcuts = fakeGlobalShortcut()
    const trigger = vi.fn()
    const controller = new ShortcutController(shortcuts, trigger)
    controller.apply({ enabled: false, accelerator: 'CommandOrControl+Alt+T' })
    expect(shortcuts.registered.size).toBe(0)
    controller.apply({ enabled: true, accelerator: 'CommandOrControl+Alt+T' })
    shortcuts.registered.get('CommandOrControl+Alt+T')?.()
    expect(trigger).toHaveBeenCalledOnce()
    expect(controller.error()).toBeNull()
  })

  it('moves to a new accelerator, releasing the old, and releases it when turned off', () => {
    const shortcuts = fakeGlobalShortcut()
    const controller = new ShortcutController(shortcuts, vi.fn())
    controller.apply({ enabled: true, accelerator: 'Alt+1' })
    controller.apply({ enabled: true, accelerator: 'Alt+2' })
    expect([...shortcuts.registered.keys()]).toEqual(['Alt+2'])
    controller.apply({ enabled: false, accelerator: 'Alt+2' })
    expect(shortcuts.registered.size).toBe(0)
  })

  it('keeps a readable reason when the system refuses, and retries on the next apply', () => {
    const shortcuts = fakeGlobalShortcut(['Alt+1'])
    const controller = new ShortcutController(shortcuts, vi.fn())
    controller.apply({ enabled: true, accelerator: 'Alt+1' })
    expect(controller.error()).toBe('Alt+1 is already used by another application or by the system.')
    controller.apply({ enabled: true, accelerator: 'Nonsense+Q' })
    expect(controller.error()).toBe('Nonsense+Q is not a shortcut this system understands.')
    controller.apply({ enabled: true, accelerator: 'Nonsense+Q' })
    expect(shortcuts.register).toHaveBeenCalledTimes(3)
    controller.apply({ enabled: false, accelerator: 'Nonsense+Q' })
    expect(controller.error()).toBeNull()
  })

  it('does not register again when the same setting is applied again', () => {
    const shortcuts = fakeGlobalShortcut()
    const controller = new ShortcutController(shortcuts, vi.fn())
    controller.apply({ enabled: true, accelerator: 'Alt+1' })
    controller.apply({ enabled: true, accelerator: 'Alt+1' })
    expect(shortcuts.register).toHaveBeenCalledOnce()
    controller.release()
    expect(shortcuts.registered.size).toBe(0)
  })
})

describe('defaultProfileId', () => {
  const profiles = [{ id: 'a' }, { id: 'b' }]
  it('is the chosen default, or the first profile when it is unset or gone', () => {
    expect(defaultProfileId({ defaultProfileId: 'b' }, profiles)).toBe('b')
    expect(defaultProfileId({}, profiles)).toBe('a')
    expect(defaultProfileId({ defaultProfileId: 'removed' }, profiles)).toBe('a')
    expect(defaultProfileId({}, [])).toBeUndefined()
  })
})

describe('copyDefaultProfile', () => {
  it('copies the default profile’s token, or says there is no profile', async () => {
    const quickCopy = vi.fn(() => Promise.resolve())
    const notify = vi.fn()
    let profiles = [{ id: 'a' }, { id: 'b' }]
    const copy = copyDefaultProfile({
      settings: () => ({ defaultProfileId: 'b' }),
      profiles: () => Promise.resolve(profiles),
      quickCopy,
      notify,
    })
    await copy()
    expect(quickCopy).toHaveBeenCalledExactlyOnceWith('b', 'token')
    profiles = []
    await copy()
    expect(notify).toHaveBeenCalledWith({ title: 'No profile to copy from', body: 'Add a profile first.' })
    expect(quickCopy).toHaveBeenCalledOnce()
  })
})
