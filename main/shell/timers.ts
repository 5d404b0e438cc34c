import type { Clock } from '../core/clock'

/** A timer handle, as the platform's setTimeout returns it. */
export type TimerHandle = ReturnType<typeof setTimeout>

/** The clock and the timers the shell waits with; tests use fake timers or their own. */
export interface Timers extends Clock {
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

/** The real timers, looked up at each call so a test's fake timers apply. */
export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
}
