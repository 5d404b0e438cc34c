import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { QUIT_CLEANUP_TIMEOUT_MS, quitAfterCleanup } from './quit'
import { systemTimers } from './timers'

/** app reduced to before-quit and quit: quit emits a cancellable before-quit, and exits unless prevented. */
class FakeApp extends EventEmitter {
  exited = 0
  quit(): void {
    const event = { prevented: false, preventDefault: () => void (event.prevented = true) }
    this.emit('before-quit', event)
    if (!event.prevented) this.exited += 1
  }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('quitAfterCleanup', () => {
  it('waits for clean-up once, then really quits', async () => {
    const app = new FakeApp()
    let finish = (): void => undefined
    const cleanup = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    const quit = quitAfterCleanup(app, cleanup, systemTimers, vi.fn())
    expect(quit.quitting()).toBe(false)
    app.quit()
    expect(quit.quitting()).toBe(true)
    app.quit()
    expect(app.exited).toBe(0)
    finish()
    await vi.advanceTimersByTimeAsync(0)
    expect(app.exited).toBe(1)
    expect(cleanup).toHaveBeenCalledOnce()
  })

  it('gives up on a clean-up that hangs', async () => {
    const app = new FakeApp()
    quitAfterCleanup(app, () => new Promise<void>(() => undefined), systemTimers, vi.fn())
    app.quit()
    await vi.advanceTimersByTimeAsync(QUIT_CLEANUP_TIMEOUT_MS - 1)
    expect(app.exited).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(app.exited).toBe(1)
  })

  it('still quits when clean-up fails, reporting the error', async () => {
    const app = new FakeApp()
    const onError = vi.fn()
    quitAfterCleanup(app, () => Promise.reject(new Error('keychain gone')), systemTimers, onError)
    app.quit()
    await vi.advanceTimersByTimeAsync(0)
    expect(app.exited).toBe(1)
    expect(onError).toHaveBeenCalledWith(new Error('keychain gone'))
  })
})
