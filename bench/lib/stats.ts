/** p50, p95 and mean of a set of samples, and how many there were. */
export interface Summary {
  readonly p50: number
  readonly p95: number
  readonly mean: number
  readonly n: number
}

/** The nearest-rank percentile `p` (0–100) of samples sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('no samples')
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN
}

/** p50, p95 and mean of `samples`. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const mean = sorted.reduce((total, sample) => total + sample, 0) / sorted.length
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean, n: sorted.length }
}

/** One value seen once (a size, a count): p50, p95 and mean are the value. */
export function single(value: number): Summary {
  return { p50: value, p95: value, mean: value, n: 1 }
}

/** Milliseconds `task` took, by the monotonic clock. */
export async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await task()
  return performance.now() - started
}

/**
 * Runs `measured` and `baseline` `rounds` times each, alternating which goes first in every round so that
 * neither side always follows the other, after `warmup` untimed rounds. Each side returns the milliseconds
 * it wants counted (see {@link timed}); the samples of both are returned.
 */
export async function alternate(
  rounds: number,
  warmup: number,
  measured: () => Promise<number>,
  baseline: () => Promise<number>,
): Promise<{ readonly measured: number[]; readonly baseline: number[] }> {
  const samples = { measured: [] as number[], baseline: [] as number[] }
  for (let round = -warmup; round < rounds; round += 1) {
    const sides = [
      async () => {
        const ms = await measured()
        if (round >= 0) samples.measured.push(ms)
      },
      async () => {
        const ms = await baseline()
        if (round >= 0) samples.baseline.push(ms)
      },
    ]
    if (round % 2 !== 0) sides.reverse()
    for (const side of sides) await side()
  }
  return samples
}
