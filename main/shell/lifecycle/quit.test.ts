import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BEST_EFFORT_LIMIT_MS, QUIT_SLOW_NOTICE_MS, quitAfterCleanup, type QuitCleanup } from './quit'
import { systemTimers } from '../timers'

/** app reduced to before-quit and quit: quit emits a cancellable before-quit, and exits unless prevented. */
class FakeApp extends EventEmitter {
  exited = 0
  quit(): void {
    const event = { prevented: false, preventDefault: () => void (event.prevented = true) }
    this.emit('before-quit', event)
    if (!event.prevented) this.exited += 1
  }
}

/** A promise settled from the outside, as a refresh in flight or a slow window-state write. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } {
  let resolve = (): void => undefined
  let reject: (error: unknown) => void = () => undefined
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const never = (): Promise<void> => new Promise<void>(() => undefined)
const done = (): Promise<void> => Promise.resolve()

function setup(cleanup: Partial<QuitCleanup> = {}) {
  const app = new FakeApp()
  const onError = vi.fn()
  const onSlow = vi.fn()
  const quit = quitAfterCleanup(
    app,
    { critical: done, bestEffort: done, ...cleanup },
    { timers: systemTimers, onError, onSlow },
  )
  return { app, onError, onSlow, quit }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('quitAfterCleanup', () => {
  it('waits for clean-up once, then really quits', async () => {
    const refresh = deferred()
    const critical = vi.fn(() => refresh.promise)
    const bestEffort = vi.fn(done)
    const { app, quit } = setup({ critical, bestEffort })
    expect(quit.quitting()).toBe(false)
    app.quit()
    expect(quit.quitting()).toBe(true)
    app.quit()
    expect(app.exited).toBe(0)
    refresh.resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(app.exited).toBe(1)
    expect(critical).toHaveBeenCalledOnce()
    expect(bestEffort).toHaveBeenCalledOnce()
  })

  it('never cuts the critical part short: a refresh that takes a minute is waited for', async () => {
    const refresh = deferred()
    const { app } = setup({ critical: () => refresh.promise })
    app.quit()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(app.exited).toBe(0)
    refresh.resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(app.exited).toBe(1)
  })

  it('says once that quitting is slow when the critical part takes long, and not before', async () => {
    const refresh = deferred()
    const { app, onSlow } = setup({ critical: () => refresh.promise })
    app.quit()
    await vi.advanceTimersByTimeAsync(QUIT_SLOW_NOTICE_MS - 1)
    expect(onSlow).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(onSlow).toHaveBeenCalledOnce()
    await vi.advanceTimersByTimeAsync(30_000)
    expect(onSlow).toHaveBeenCalledOnce()
    refresh.resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(app.exited).toBe(1)
  })

  it('says nothing when the critical part is quick', async () => {
    const { app, onSlow } = setup()
    app.quit()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(app.exited).toBe(1)
    expect(onSlow).not.toHaveBeenCalled()
  })

  it('runs the best-effort part only once the critical part is over', async () => {
    const refresh = deferred()
    const bestEffort = vi.fn(done)
    const { app } = setup({ critical: () => refresh.promise, bestEffort })
    app.quit()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(bestEffort).not.toHaveBeenCalled()
    refresh.resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(bestEffort).toHaveBeenCalledOnce()
  })

  it('gives up on a best-effort part that hangs, after its bound', async () => {
    const { app } = setup({ bestEffort: never })
    app.quit()
    await vi.advanceTimersByTimeAsync(BEST_EFFORT_LIMIT_MS - 1)
    expect(app.exited).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(app.exited).toBe(1)
  })

  it('still runs the best-effort part and quits when the critical part fails, reporting the error', async () => {
    const bestEffort = vi.fn(done)
    const { app, onError } = setup({ critical: () => Promise.reject(new Error('keychain gone')), bestEffort })
    app.quit()
    await vi.advanceTimersByTimeAsync(0)
    expect(app.exited).toBe(1)
    expect(bestEffort).toHaveBeenCalledOnce()
    expect(onError).toHaveBeenCalledWith(new Error('keychain gone'))
  })

  it('still quits when the best-effort part fails, reporting the error', async () => {
    const { app, onError } = setup({ bestEffort: () => Promise.reject(new Error('disk full')) })
    app.quit()
    await vi.advanceTimersByTimeAsync(0)
    expect(app.exited).toBe(1)
    expect(onError).toHaveBeenCalledWith(new Error('disk full'))
  })

  it('reports a failing slow notice and keeps waiting', async () => {
    const refresh = deferred()
    const app = new FakeApp()
    const onError = vi.fn()
    quitAfterCleanup(
      app,
      { critical: () => refresh.promise, bestEffort: done },
      {
        timers: systemTimers,
        onError,
        onSlow: () => {
          throw new Error('tray destroyed')
        },
      },
    )
    app.quit()
    await vi.advanceTimersByTimeAsync(QUIT_SLOW_NOTICE_MS)
    expect(onError).toHaveBeenCalledWith(new Error('tray destroyed'))
    expect(app.exited).toBe(0)
    refresh.resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(app.exited).toBe(1)
  })
})
