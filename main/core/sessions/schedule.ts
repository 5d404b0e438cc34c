/** Pure timing decisions of a session: when to refresh, how long to back off. */

/** The coarse poll that backs up every exact timer (sleep, clock jumps, throttled timers). */
export const POLL_INTERVAL_MS = 30_000

/** First retry after about 5 s, doubling up to about 5 min. */
export const BACKOFF_BASE_MS = 5_000
export const BACKOFF_CAP_MS = 5 * 60_000

/**
 * The wait before retry number `attempt` (1-based): exponential with "equal jitter" (half fixed, half
 * random), so many profiles failing together do not retry in lockstep. A server's retry-after wins.
 */
export function backoffDelay(attempt: number, random: () => number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.max(0, retryAfterMs)
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

/**
 * How long before expiry to refresh: the configured lead, but never more than half the token's lifetime,
 * so short-lived tokens (the demo's) are not refreshed again the moment they arrive.
 */
export function effectiveLead(leadMs: number, lifetimeMs: number): number {
  return Math.min(leadMs, Math.max(0, lifetimeMs / 2))
}

/** The earliest of the given times, or undefined when none is given. */
export function earliest(...times: readonly (number | undefined)[]): number | undefined {
  let best: number | undefined
  for (const time of times) if (time !== undefined && (best === undefined || time < best)) best = time
  return best
}
