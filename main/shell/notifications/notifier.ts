import type { NotificationConstructorOptions } from 'electron'
import type { Notice, Notify } from './notice'
import { attentionNotices, NOTHING_SEEN, type AttentionState } from './attention'

/** Electron's Notification class, as far as it is used here. */
export interface NotificationClass {
  new (options: NotificationConstructorOptions): ShownNotification
  isSupported(): boolean
}

/** A notification once made: shown, and told when it is clicked or closed. */
export interface ShownNotification {
  show(): void
  on(event: 'click' | 'close', listener: () => void): unknown
}

/**
 * Shows notices as desktop notifications; clicking one calls `onClick` with its profile. Each notification
 * is kept referenced until it is clicked or closed, or it may be garbage-collected and its click lost.
 */
export function createNotifier(
  NotificationCtor: NotificationClass,
  onClick: (profileId: string | undefined) => void,
): Notify {
  const alive = new Set<ShownNotification>()
  return (notice: Notice) => {
    if (!NotificationCtor.isSupported()) return
    const notification = new NotificationCtor({
      title: notice.title,
      body: notice.body,
      silent: notice.silent === true,
    })
    alive.add(notification)
    notification.on('click', () => {
      alive.delete(notification)
      onClick(notice.profileId)
    })
    notification.on('close', () => alive.delete(notification))
    notification.show()
  }
}

/**
 * Remembers the last state seen and notifies what newly needs a person; call `check` on every change.
 * Checks run one at a time, in order, so each compares with the state the one before it saw.
 */
export class AttentionWatcher {
  private seen: AttentionState = NOTHING_SEEN
  private checking: Promise<void> = Promise.resolve()

  constructor(
    private readonly state: () => Promise<AttentionState>,
    private readonly notify: Notify,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Compares the current state with the last one and notifies the difference; resolves once done. */
  check(): Promise<void> {
    this.checking = this.checking.then(() => this.compare()).catch(this.onError)
    return this.checking
  }

  private async compare(): Promise<void> {
    const next = await this.state()
    const notices = attentionNotices(this.seen, next)
    this.seen = next
    for (const notice of notices) this.notify(notice)
  }
}
