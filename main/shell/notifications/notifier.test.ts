import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { AttentionWatcher, createNotifier, type NotificationClass } from './notifier'
import { profileView } from '../profile-fixtures'
import type { AttentionState } from './attention'

/** Electron's Notification reduced to what is used: options, show, and its events. */
function fakeNotifications(supported = true) {
  const shown: FakeNotification[] = []
  class FakeNotification extends EventEmitter {
    constructor(readonly options: { title?: string; body?: string; silent?: boolean }) {
      super()
    }
    show(): void {
      shown.push(this)
    }
    static isSupported(): boolean {
      return supported
    }
  }
  return { Ctor: FakeNotification as unknown as NotificationClass, shown }
}

describe('createNotifier', () => {
  it('shows a notification, and a click opens the window at its profile', () => {
    const { Ctor, shown } = fakeNotifications()
    const onClick = vi.fn()
    const notify = createNotifier(Ctor, onClick)
    notify({ title: 'acme needs you to sign in again', body: 'Refused.', profileId: 'p1' })
    expect(shown).toHaveLength(1)
    expect(shown[0]?.options).toEqual({
      title: 'acme needs you to sign in again',
      body: 'Refused.',
      silent: false,
    })
    shown[0]?.emit('click')
    expect(onClick).toHaveBeenCalledExactlyOnceWith('p1')
  })

  it('shows copy confirmations silently, and nothing where notifications are unsupported', () => {
    const quiet = fakeNotifications()
    createNotifier(quiet.Ctor, vi.fn())({ title: 'Copied', body: 'x', silent: true })
    expect(quiet.shown[0]?.options.silent).toBe(true)
    const none = fakeNotifications(false)
    createNotifier(none.Ctor, vi.fn())({ title: 'Copied', body: 'x' })
    expect(none.shown).toEqual([])
  })
})

describe('AttentionWatcher', () => {
  it('notifies each transition once, however many events follow', () => {
    let current: AttentionState = { profiles: [profileView({ name: 'acme' })], problems: [] }
    const notify = vi.fn()
    const watcher = new AttentionWatcher(() => current, notify)
    watcher.check()
    expect(notify).not.toHaveBeenCalled()
    current = { profiles: [profileView({ name: 'acme' }, { status: 'needs-sign-in' })], problems: [] }
    watcher.check()
    watcher.check()
    watcher.check()
    expect(notify).toHaveBeenCalledOnce()
  })
})
