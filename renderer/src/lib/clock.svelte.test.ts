import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushSync } from 'svelte'
import { SharedClock } from './clock.svelte'

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-12-01T10:00:00.400Z'))
})
afterEach(() => vi.useRealTimers())

describe('SharedClock', () => {
  it('ticks once a second, on the second, while someone listens', () => {
    const clock = new SharedClock()
    const stop = clock.start()
    expect(clock.now).toBe(Date.parse('2026-12-01T10:00:00.400Z'))
    vi.advanceTimersByTime(600)
    expect(clock.now).toBe(Date.parse('2026-12-01T10:00:01.000Z'))
    vi.advanceTimersByTime(1000)
    expect(clock.now).toBe(Date.parse('2026-12-01T10:00:02.000Z'))
    stop()
    vi.advanceTimersByTime(5000)
    expect(clock.now).toBe(Date.parse('2026-12-01T10:00:02.000Z'))
    expect(vi.getTimerCount()).toBe(0)
  })

  it('runs one timer however many countdowns share it', () => {
    const clock = new SharedClock()
    const stops = Array.from({ length: 100 }, () => clock.start())
    expect(vi.getTimerCount()).toBe(1)
    for (const stop of stops.slice(1)) stop()
    vi.advanceTimersByTime(600)
    expect(clock.now).toBe(Date.parse('2026-12-01T10:00:01.000Z'))
    stops[0]?.()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('sleeps while the window is hidden and catches up when it shows again', () => {
    const clock = new SharedClock()
    const stop = clock.start()
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    vi.advanceTimersByTime(600)
    expect(vi.getTimerCount()).toBe(0)
    vi.setSystemTime(new Date('2026-12-01T10:05:00.000Z'))
    visibility.mockReturnValue('visible')
    document.dispatchEvent(new Event('visibilitychange'))
    expect(clock.now).toBe(Date.parse('2026-12-01T10:05:00.000Z'))
    expect(vi.getTimerCount()).toBe(1)
    stop()
  })
  it('does not make the effect that starts it depend on it', () => {
    const clock = new SharedClock()
    let runs = 0
    const destroy = $effect.root(() => {
      $effect(() => {
        runs += 1
        return clock.start()
      })
    })
    flushSync()
    vi.advanceTimersByTime(600)
    flushSync()
    vi.advanceTimersByTime(3000)
    flushSync()
    expect(clock.now).toBe(Date.parse('2026-12-01T10:00:04.000Z'))
    expect(runs).toBe(1)
    destroy()
    expect(vi.getTimerCount()).toBe(0)
  })
})
