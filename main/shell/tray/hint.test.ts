import { describe, expect, it, vi } from 'vitest'
import { createTrayHint, trayHint, type TrayHintStore } from './hint'

describe('trayHint', () => {
  it('says where the app went, in the words of each desktop', () => {
    expect(trayHint('win32', false)).toEqual({
      title: 'Still running',
      body: 'api.video Credential Manager is still running in the tray; launch it again or use the tray icon to reopen its window.',
      silent: true,
    })
    expect(trayHint('darwin', false)?.body).toBe(
      'api.video Credential Manager is still running in the menu bar; launch it again or use its icon there to reopen its window.',
    )
  })

  it('on Linux, where a desktop may show no tray at all, says that launching again always reopens it', () => {
    expect(trayHint('linux', false)?.body).toBe(
      'api.video Credential Manager is still running in the background; launching it again always reopens its window, and so does its tray icon where the desktop shows one.',
    )
  })

  it('says nothing once it was said', () => {
    expect(trayHint('linux', true)).toBeNull()
  })
})

describe('createTrayHint', () => {
  function setup(shownBefore = false) {
    const store = {
      shown: vi.fn(() => Promise.resolve(shownBefore)),
      markShown: vi.fn(() => Promise.resolve()),
    } satisfies TrayHintStore
    const notify = vi.fn()
    const onError = vi.fn()
    const closedToTray = createTrayHint({ platform: 'linux', notify, store, onError })
    return { store, notify, onError, closedToTray }
  }

  it('says it the first time the window goes to the tray, and remembers that it did', async () => {
    const { store, notify, closedToTray } = setup()
    await closedToTray()
    expect(notify).toHaveBeenCalledOnce()
    expect(notify).toHaveBeenCalledWith(trayHint('linux', false))
    expect(store.markShown).toHaveBeenCalledOnce()
  })

  it('says it once per run, even when the window is closed twice at once', async () => {
    const { store, notify, closedToTray } = setup()
    await Promise.all([closedToTray(), closedToTray()])
    await closedToTray()
    expect(notify).toHaveBeenCalledOnce()
    expect(store.shown).toHaveBeenCalledOnce()
  })

  it('says nothing when an earlier run said it', async () => {
    const { notify, store, closedToTray } = setup(true)
    await closedToTray()
    expect(notify).not.toHaveBeenCalled()
    expect(store.markShown).not.toHaveBeenCalled()
  })

  it('reports a store that cannot remember, and still says it only once in this run', async () => {
    const { store, notify, onError, closedToTray } = setup()
    store.markShown.mockRejectedValueOnce(new Error('EACCES'))
    await closedToTray()
    await closedToTray()
    expect(onError).toHaveBeenCalledWith(new Error('EACCES'))
    expect(notify).toHaveBeenCalledOnce()
  })
})
