import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { AttentionWatcher, createNotifier, type NotificationClass } from './notifier'
import { profileView } from '../../testing/profile-fixtures'
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
  const unexpected = (error: unknown): never => {
    throw error
  }

  it('notifies each transition once, however many events follow', async () => {
    let current: AttentionState = { profiles: [profileView({ name: 'acme' })], problems: [] }
    const notify = vi.fn()
    const watcher = new AttentionWatcher(() => Promise.resolve(current), notify, unexpected)
    await watcher.check()
    expect(notify).not.toHaveBeenCalled()
    current = { profiles: [profileView({ name: 'acme' }, { status: 'needs-sign-in' })], problems: [] }
    void watcher.check()
    void watcher.check()
    await watcher.check()
    expect(notify).toHaveBeenCalledOnce()
  })

  it('compares each check with the one before it, even when an earlier state is slower to read', async () => {
    const signedOut = { profiles: [profileView({ name: 'acme' }, { status: 'needs-sign-in' })], problems: [] }
    const reads: ((state: AttentionState) => void)[] = []
    const notify = vi.fn()
    const watcher = new AttentionWatcher(
      () => new Promise<AttentionState>((resolve) => reads.push(resolve)),
      notify,
      unexpected,
    )
    const first = watcher.check()
    const second = watcher.check()
    await Promise.resolve()
    expect(reads).toHaveLength(1)
    reads[0]?.(signedOut)
    await first
    reads[1]?.(signedOut)
    await second
    expect(notify).toHaveBeenCalledOnce()
  })

  it('reports a state that cannot be read, and checks again next time', async () => {
    const notify = vi.fn()
    const onError = vi.fn()
    let fail = true
    const watcher = new AttentionWatcher(
      () =>
        fail
          ? Promise.reject(new Error('keychain'))
          : Promise.resolve({
              profiles: [profileView({ name: 'acme' }, { status: 'needs-sign-in' })],
              problems: [],
            }),
      notify,
      onError,
    )
    await watcher.check()
    expect(onError).toHaveBeenCalledOnce()
    fail = false
    await watcher.check()
    expect(notify).toHaveBeenCalledOnce()
  })
})
