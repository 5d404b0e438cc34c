import type { FakeApiVideo } from '../../main/fake-api/server'

/** A fetch that counts the `POST /auth/refresh` requests in flight, from sending to the answer's arrival. */
export function countingFetch(): {
  readonly fetch: typeof fetch
  readonly peak: () => number
  readonly reset: () => void
} {
  let inFlight = 0
  let peak = 0
  return {
    peak: () => peak,
    reset: () => void (peak = inFlight),
    fetch: async (input, init) => {
      const url = input instanceof Request ? input.url : input.toString()
      if (!url.endsWith('/auth/refresh')) return fetch(input, init)
      inFlight += 1
      peak = Math.max(peak, inFlight)
      try {
        return await fetch(input, init)
      } finally {
        inFlight -= 1
      }
    },
  }
}

/**
 * The most refreshes the fake held at once since its `since`-th one, from its log: each request is logged
 * when answered, after `latencyMs` of injected latency, so it was in the server from about then.
 */
export function serverPeak(fake: FakeApiVideo, since: number, latencyMs: number): number {
  const edges = fake
    .requestsTo('auth/refresh')
    .slice(since)
    .flatMap((entry) => [
      [entry.at - latencyMs, 1],
      [entry.at, -1],
    ])
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0))
  let current = 0
  let peak = 0
  for (const [, step] of edges) {
    current += step ?? 0
    peak = Math.max(peak, current)
  }
  return peak
}

/** Runs at most `width` tasks at a time. */
export async function pool(width: number, tasks: readonly (() => Promise<unknown>)[]): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const task = tasks[next]
      next += 1
      await task?.()
    }
  }
  await Promise.all(Array.from({ length: width }, worker))
}
