import type { Clipboard } from 'electron'
import { AppError } from '../../core/errors'
import type { ClipboardPort } from '../../ipc/ports'
import { systemTimers, type TimerHandle, type Timers } from '../timers'

/** The clipboard as the guard uses it: asynchronous, as Electron's has been since version 44. */
export interface TextClipboard {
  readText(): Promise<string>
  writeText(text: string): Promise<void>
}

/** Electron's clipboard behind the {@link TextClipboard} port. */
export function electronTextClipboard(clipboard: Pick<Clipboard, 'readText' | 'writeText'>): TextClipboard {
  return {
    readText: () => Promise.resolve(clipboard.readText()),
    writeText: (text) => Promise.resolve(clipboard.writeText(text)),
  }
}

/** A copy asked for once the app has started quitting: refused, so no token outlives the app. */
export class AppQuittingError extends AppError<'app-quitting'> {
  constructor() {
    super('app-quitting', 'The app is quitting; nothing was copied.')
    this.name = 'AppQuittingError'
  }
}

/**
 * Clipboard hygiene for tokens: write, remember what was written, and clear it after the configured delay,
 * but only if the clipboard still holds it; if the person copied something else meanwhile, that stays.
 * A new copy cancels the previous timer. At quit, {@link closeAndClear} refuses further copies, lets writes
 * in flight finish and clears by the same rule. A delay of 0 means the person wants tokens to stay: nothing
 * is ever cleared, not even on quit.
 */
export class ClipboardGuard implements ClipboardPort {
  private held: string | undefined
  private timer: TimerHandle | undefined
  private copies = 0
  /** Writes and timed clears in flight, which closing waits for. */
  private readonly busy = new Set<Promise<unknown>>()
  private closing: Promise<void> | undefined

  constructor(
    private readonly clipboard: TextClipboard,
    private readonly clearAfterSeconds: () => number,
    private readonly timers: Timers = systemTimers,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /**
   * Copies `text`; resolves to when it will be cleared (epoch ms), or null when clearing is off. Rejects with
   * {@link AppQuittingError} once the guard is closed.
   */
  copy(text: string): Promise<number | null> {
    if (this.closing !== undefined) return Promise.reject(new AppQuittingError())
    // The whole copy is tracked, not just its write: closing must see what it decided to hold.
    return this.track(this.write(text))
  }

  private async write(text: string): Promise<number | null> {
    this.cancelTimer()
    this.copies += 1
    await this.clipboard.writeText(text)
    // Another copy may have started while this one was writing: the last write to finish is what is held.
    this.cancelTimer()
    const seconds = this.clearAfterSeconds()
    if (seconds <= 0) {
      this.held = undefined
      return null
    }
    this.held = text
    // Closed while writing: closing clears it as soon as this copy is done, so no timer.
    if (this.closing !== undefined) return this.timers.now()
    const delay = seconds * 1000
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined
      this.track(this.clearIfOurs()).catch(this.onError)
    }, delay)
    return this.timers.now() + delay
  }

  /**
   * At quit: refuses every later copy, waits for the writes (and timed clears) in flight, then clears if the
   * clipboard still holds our last copy. Calling it again returns the same promise. Safe to call at any
   * point of quitting: a copy that was waiting for a refresh is refused, one already writing is cleared.
   */
  closeAndClear(): Promise<void> {
    this.closing ??= this.close()
    return this.closing
  }

  private async close(): Promise<void> {
    this.cancelTimer()
    await Promise.allSettled([...this.busy])
    await this.clearIfOurs()
  }

  private async clearIfOurs(): Promise<void> {
    const held = this.held
    if (held === undefined) return
    const copies = this.copies
    const current = await this.clipboard.readText()
    // A copy made while reading owns the clipboard now; leave it to its own timer.
    if (copies !== this.copies) return
    // A clear running at the same time (the timer's, and closing's) may have done it already.
    if (this.held !== held) return
    this.held = undefined
    if (current === held) await this.clipboard.writeText('')
  }

  /** Remembers `work` until it settles, so closing can wait for it. */
  private track<T>(work: Promise<T>): Promise<T> {
    this.busy.add(work)
    const forget = (): void => void this.busy.delete(work)
    work.then(forget, forget)
    return work
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return
    this.timers.clearTimeout(this.timer)
    this.timer = undefined
  }
}
