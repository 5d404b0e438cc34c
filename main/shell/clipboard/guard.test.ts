import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppQuittingError, ClipboardGuard, electronTextClipboard, type TextClipboard } from './guard'

/** The system clipboard, shared by the app and "the person", asynchronous like Electron's. */
class FakeClipboard implements TextClipboard {
  text = ''
  writes: string[] = []
  readText(): Promise<string> {
    return Promise.resolve(this.text)
  }
  writeText(text: string): Promise<void> {
    this.text = text
    this.writes.push(text)
    return Promise.resolve()
  }
  /** The person copies something in another app. */
  personCopies(text: string): void {
    this.text = text
  }
}

const T0 = Date.UTC(2026, 0, 1, 9, 0, 0)
let clipboard: FakeClipboard
let delaySeconds: number

beforeEach(() => {
  vi.useFakeTimers({ now: T0 })
  clipboard = new FakeClipboard()
  delaySeconds = 30
})
afterEach(() => {
  vi.useRealTimers()
})

function guard(onError?: (error: unknown) => void): ClipboardGuard {
  return new ClipboardGuard(clipboard, () => delaySeconds, undefined, onError)
}

describe('ClipboardGuard', () => {
  it('copies, says when it will clear, and clears exactly then', async () => {
    const g = guard()
    await expect(g.copy('token-1')).resolves.toBe(T0 + 30_000)
    expect(clipboard.text).toBe('token-1')
    await vi.advanceTimersByTimeAsync(29_999)
    expect(clipboard.text).toBe('token-1')
    await vi.advanceTimersByTimeAsync(1)
    expect(clipboard.text).toBe('')
  })

  it('leaves the clipboard alone when the person copied something else meanwhile', async () => {
    const g = guard()
    await g.copy('token-1')
    await vi.advanceTimersByTimeAsync(10_000)
    clipboard.personCopies('my shopping list')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(clipboard.text).toBe('my shopping list')
    expect(clipboard.writes).toEqual(['token-1'])
  })

  it('restarts the delay on every copy, cancelling the previous timer', async () => {
    const g = guard()
    await g.copy('same-token')
    await vi.advanceTimersByTimeAsync(20_000)
    await expect(g.copy('same-token')).resolves.toBe(T0 + 50_000)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(clipboard.text).toBe('same-token')
    await vi.advanceTimersByTimeAsync(20_000)
    expect(clipboard.text).toBe('')
  })

  it('clears the newest copy, not an older one', async () => {
    const g = guard()
    await g.copy('token-a')
    await g.copy('token-b')
    await vi.advanceTimersByTimeAsync(30_000)
    expect(clipboard.text).toBe('')
    expect(clipboard.writes).toEqual(['token-a', 'token-b', ''])
  })

  it('reads the delay at each copy, so a settings change applies to the next copy', async () => {
    const g = guard()
    delaySeconds = 5
    await expect(g.copy('token-1')).resolves.toBe(T0 + 5_000)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(clipboard.text).toBe('')
  })

  it('never clears when the delay is 0, not even on quit', async () => {
    delaySeconds = 0
    const g = guard()
    await expect(g.copy('token-1')).resolves.toBeNull()
    await vi.advanceTimersByTimeAsync(24 * 3600_000)
    await g.closeAndClear()
    expect(clipboard.text).toBe('token-1')
  })

  it('clears on quit if the clipboard still holds our value, and only once', async () => {
    const g = guard()
    await g.copy('token-1')
    await g.closeAndClear()
    expect(clipboard.text).toBe('')
    clipboard.personCopies('later text')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(clipboard.text).toBe('later text')
  })

  it('does not clear on quit what the person copied since', async () => {
    const g = guard()
    await g.copy('token-1')
    clipboard.personCopies('a URL')
    await g.closeAndClear()
    expect(clipboard.text).toBe('a URL')
  })

  it('does nothing on quit when nothing was copied', async () => {
    clipboard.personCopies('untouched')
    await guard().closeAndClear()
    expect(clipboard.writes).toEqual([])
  })

  it('refuses copies once closed, with a reason a person understands, and leaves the clipboard alone', async () => {
    const g = guard()
    await g.closeAndClear()
    clipboard.personCopies('untouched')
    const refused = g.copy('token-late')
    await expect(refused).rejects.toBeInstanceOf(AppQuittingError)
    await expect(refused).rejects.toMatchObject({
      kind: 'app-quitting',
      message: 'The app is quitting; nothing was copied.',
    })
    expect(clipboard.text).toBe('untouched')
    expect(clipboard.writes).toEqual([])
  })

  it('lets a copy whose write is in flight finish, then clears it', async () => {
    const g = guard()
    let finishWrite = (): void => undefined
    vi.spyOn(clipboard, 'writeText').mockImplementationOnce((text) => {
      return new Promise<void>((resolve) => {
        finishWrite = () => {
          clipboard.text = text
          clipboard.writes.push(text)
          resolve()
        }
      })
    })
    const copying = g.copy('token-in-flight')
    const closing = g.closeAndClear()
    await vi.advanceTimersByTimeAsync(0)
    expect(clipboard.writes).toEqual([])
    finishWrite()
    await expect(copying).resolves.toBe(T0)
    await closing
    expect(clipboard.writes).toEqual(['token-in-flight', ''])
    expect(clipboard.text).toBe('')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(clipboard.writes).toEqual(['token-in-flight', ''])
  })

  it('clears once when a timed clear is running as it closes', async () => {
    const g = guard()
    await g.copy('token-1')
    let finishRead = (): void => undefined
    vi.spyOn(clipboard, 'readText').mockImplementationOnce(
      () => new Promise<string>((resolve) => (finishRead = () => resolve(clipboard.text))),
    )
    await vi.advanceTimersByTimeAsync(30_000)
    const closing = g.closeAndClear()
    finishRead()
    await closing
    expect(clipboard.writes).toEqual(['token-1', ''])
  })

  it('closes once: a second call waits for the same clear', async () => {
    const g = guard()
    await g.copy('token-1')
    await Promise.all([g.closeAndClear(), g.closeAndClear()])
    expect(clipboard.writes).toEqual(['token-1', ''])
  })

  it('reports a clipboard that fails while clearing, instead of an unhandled rejection', async () => {
    const onError = vi.fn()
    const g = guard(onError)
    await g.copy('token-1')
    vi.spyOn(clipboard, 'readText').mockRejectedValueOnce(new Error('no display'))
    await vi.advanceTimersByTimeAsync(30_000)
    expect(onError).toHaveBeenCalledWith(new Error('no display'))
  })
})

describe('electronTextClipboard', () => {
  it('puts Electron’s clipboard behind the async port', async () => {
    let held = ''
    const port = electronTextClipboard({
      readText: () => Promise.resolve(held),
      writeText: (text: string) => {
        held = text
        return Promise.resolve()
      },
    })
    await port.writeText('abc')
    await expect(port.readText()).resolves.toBe('abc')
  })
})
