import { test } from '@playwright/test'
import type { Clock } from '../main/core/clock'
import { CredentialService } from '../main/core/service/service'
import { startFakeApiVideo } from '../main/fake-api/server'
import { countingFetch, pool, serverPeak } from './lib/concurrency'
import { scratch } from './lib/keychain'
import { RawRefresher } from './lib/raw-api'
import { report } from './lib/rows'
import { alternate, summarize, timed } from './lib/stats'
import { seedProfiles } from './lib/seed'

const KEY = 'bench-api-key'
const PROFILES = 100
const LATENCY_MS = 50
const RUNS = 3
/** Untimed storms first: their peaks are dropped too. */
const WARMUP = 1
const LIMIT_MS = 15_000

/** Polls until every profile holds a token valid for at least half an hour; resolves to the ms it took. */
async function allValid(service: CredentialService, clock: Clock, started: number): Promise<number> {
  for (;;) {
    const now = clock.now()
    const views = await service.list()
    const done = views.every(
      (view) => view.session.status === 'valid' && (view.session.expiresAt ?? 0) > now + 1_800_000,
    )
    if (done && views.length === PROFILES) return performance.now() - started
    if (performance.now() - started > LIMIT_MS) throw new Error('the storm did not settle in 15 s')
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

/**
 * The laptop slept through every token's expiry: the service runs on a clock that jumps an hour ahead, and
 * `resume()` (what the shell calls on the power monitor's resume) finds 100 expired tokens at once. The
 * clock starts at that call, so start-up is not counted; the same 100 profiles storm again on each run.
 */
test('5. refresh storm: 100 profiles expiring together, 50 ms latency', async () => {
  const fake = await startFakeApiVideo({ apiKeys: [KEY] })
  const space = scratch('storm')
  let offset = 0
  const clock: Clock = { now: () => Date.now() + offset }
  const counting = countingFetch()
  const service = new CredentialService({
    dataDir: space.dataDir,
    keychain: space.raw,
    clock,
    fetch: counting.fetch,
  })
  const samples = { storm: [] as number[], clientPeak: [] as number[], serverPeak: [] as number[] }
  const floor = { time: [] as number[], peak: [] as number[], clientPeak: [] as number[] }
  try {
    await seedProfiles({
      count: PROFILES,
      baseUrl: fake.url,
      apiKey: KEY,
      keychain: space.raw,
      dataDir: space.dataDir,
    })
    // The floor's own chains and entries, made before anything is timed so both sides see the same keyring.
    const width = countingFetch()
    const chains = await Promise.all(
      Array.from({ length: PROFILES }, () => RawRefresher.signIn(fake.url, KEY, width.fetch)),
    )
    for (let i = 0; i < PROFILES; i += 1) await space.raw.set(`floor-${i}/refresh-token`, 'seed')
    await service.start()
    if (fake.requestsTo('auth/refresh').length !== 0) throw new Error('start() refreshed fresh tokens')

    const storm = async (): Promise<number> => {
      const since = fake.requestsTo('auth/refresh').length
      counting.reset()
      fake.inject('auth/refresh', { kind: 'latency', ms: LATENCY_MS }, 2 * PROFILES)
      offset += 3_600_000 + 1000
      const started = performance.now()
      service.resume()
      const ms = await allValid(service, clock, started)
      fake.clearFaults()
      samples.clientPeak.push(counting.peak())
      samples.serverPeak.push(serverPeak(fake, since, LATENCY_MS))
      return ms
    }
    // What a 4-wide limiter could reach at best: 100 × (raw refresh + one keytar write), 4 at a time.
    const pooled = async (): Promise<number> => {
      const since = fake.requestsTo('auth/refresh').length
      width.reset()
      fake.inject('auth/refresh', { kind: 'latency', ms: LATENCY_MS }, PROFILES)
      const ms = await timed(() =>
        pool(
          4,
          chains.map((chain, i) => async () => {
            const grant = await chain.refresh()
            await space.raw.set(`floor-${i}/refresh-token`, grant.refreshToken)
          }),
        ),
      )
      fake.clearFaults()
      floor.peak.push(serverPeak(fake, since, LATENCY_MS))
      floor.clientPeak.push(width.peak())
      return ms
    }
    const times = await alternate(RUNS, WARMUP, storm, pooled)
    for (const peaks of [samples.clientPeak, samples.serverPeak, floor.peak, floor.clientPeak]) {
      peaks.splice(0, WARMUP)
    }
    floor.time.push(...times.baseline)
    samples.storm.push(...times.measured)
  } finally {
    service.stop()
    await fake.close()
    await space.dispose()
  }
  await report(test.info(), [
    {
      id: '5a',
      name: 'Refresh storm, 100 profiles: time to all valid',
      unit: 'ms',
      measured: summarize(samples.storm),
      baseline: { ...summarize(floor.time), label: '100 × (raw refresh + keytar setPassword), 4 at a time' },
      goal: { kind: 'p95', max: 2000 },
      note: `${LATENCY_MS} ms latency on every refresh; from resume() after an hour's jump to the last profile valid`,
    },
    {
      id: '5b',
      name: 'Refresh storm: peak refreshes in flight',
      unit: '',
      measured: summarize(samples.serverPeak),
      baseline: { ...summarize(floor.peak), label: 'the 4-wide pool' },
      goal: { kind: 'p95', max: 4 },
      note:
        `at the fake, from its log (each refresh held from answer − ${LATENCY_MS} ms to answer); ` +
        `counted around fetch, sending to answer: engine ${samples.clientPeak.join(', ')}, ` +
        `pool ${floor.clientPeak.join(', ')}`,
    },
  ])
})
