import { describe, expect, it, vi } from 'vitest'
import { PaletteSummons, ShortcutController } from './global-shortcut'

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

describe('PaletteSummons', () => {
  function summons(shown: boolean) {
    const steps: string[] = []
    const state = { shown }
    const summoned = new PaletteSummons({
      windowShown: () => state.shown,
      showWindow: () => {
        steps.push('show window')
        state.shown = true
      },
      openPalette: () => steps.push('open palette'),
      stepBack: () => {
        steps.push('step back')
        state.shown = false
      },
    })
    return { summoned, steps }
  }

  it('shows the window first, then opens the palette in it, on every press of the shortcut', () => {
    const { summoned, steps } = summons(false)
    const shortcuts = fakeGlobalShortcut()
    new ShortcutController(shortcuts, () => summoned.summon()).apply({ enabled: true, accelerator: 'Alt+T' })
    expect(steps).toEqual([])
    shortcuts.registered.get('Alt+T')?.()
    shortcuts.registered.get('Alt+T')?.()
    expect(steps).toEqual(['show window', 'open palette', 'show window', 'open palette'])
  })

  it('puts a window it brought from out of sight back there after a copy, once', () => {
    const { summoned, steps } = summons(false)
    summoned.summon()
    summoned.copied()
    summoned.copied()
    expect(steps).toEqual(['show window', 'open palette', 'step back'])
  })

  it('leaves a window that was already on screen where it is', () => {
    const { summoned, steps } = summons(true)
    summoned.summon()
    summoned.copied()
    expect(steps).toEqual(['show window', 'open palette'])
  })

  it('leaves the window once the person opened it another way, and after a copy made without the shortcut', () => {
    const { summoned, steps } = summons(false)
    summoned.copied()
    summoned.summon()
    summoned.stay()
    summoned.copied()
    expect(steps).toEqual(['show window', 'open palette'])
  })
})
