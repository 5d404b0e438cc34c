import type { Clipboard } from 'electron'
import type { ClipboardPort } from '../ipc/ports'
import { systemTimers, type TimerHandle, type Timers } from './timers'

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

/**
 * Clipboard hygiene for tokens: write, remember what was written, and clear it after the configured delay,
 * but only if the clipboard still holds it; if the person copied something else meanwhile, that stays.
 * A new copy cancels the previous timer. On quit, the same rule clears at once. A delay of 0 means the person
 * wants tokens to stay: nothing is ever cleared, not even on quit.
 */
export class ClipboardGuard implements ClipboardPort {
  private held: string | undefined
  private timer: TimerHandle | undefined
  private copies = 0

  constructor(
    private readonly clipboard: TextClipboard,
    private readonly clearAfterSeconds: () => number,
    private readonly timers: Timers = systemTimers,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Copies `text`; resolves to when it will be cleared (epoch ms), or null when clearing is off. */
  async copy(text: string): Promise<number | null> {
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
    const delay = seconds * 1000
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined
      this.clearIfOurs().catch(this.onError)
    }, delay)
    return this.timers.now() + delay
  }

  /** On quit: clears now if the clipboard still holds our last copy. */
  async clearOnQuit(): Promise<void> {
    this.cancelTimer()
    await this.clearIfOurs()
  }

  private async clearIfOurs(): Promise<void> {
    const held = this.held
    if (held === undefined) return
    const copies = this.copies
    const current = await this.clipboard.readText()
    // A copy made while reading owns the clipboard now; leave it to its own timer.
    if (copies !== this.copies) return
    this.held = undefined
    if (current === held) await this.clipboard.writeText('')
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return
    this.timers.clearTimeout(this.timer)
    this.timer = undefined
  }
}
