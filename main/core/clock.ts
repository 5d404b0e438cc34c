/** The one clock abstraction: wall time in epoch milliseconds. Tests inject their own. */
export interface Clock {
  now(): number
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() }
