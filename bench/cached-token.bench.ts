import { test } from '@playwright/test'
import { CredentialService } from '../main/core/service/service'
import { startFakeApiVideo } from '../main/fake-api/server'
import { scratch } from './lib/keychain'
import { RawRefresher } from './lib/raw-api'
import { report } from './lib/rows'
import { summarize, timed } from './lib/stats'

const KEY = 'bench-api-key'
const ROUNDS = 20
const CALLS_PER_ROUND = 250
const FETCHES_PER_ROUND = 5

test('2. cached token: service.getToken on a fresh token', async () => {
  const fake = await startFakeApiVideo({ apiKeys: [KEY] })
  const space = scratch('cached')
  const service = new CredentialService({ dataDir: space.dataDir, keychain: space.counted })
  try {
    await service.start()
    await service.add({ name: 'acme', environment: fake.url, apiKey: KEY })
    const floor = await RawRefresher.signIn(fake.url, KEY)
    const get = () => timed(() => service.getToken('acme'))
    for (let i = 0; i < 2000; i += 1) await get()
    for (let i = 0; i < FETCHES_PER_ROUND; i += 1) await floor.refresh()

    const before = { keychain: space.counted.snapshot(), refreshes: fake.requestsTo('auth/refresh').length }
    const samples = { cached: [] as number[], fetch: [] as number[] }
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let i = 0; i < CALLS_PER_ROUND; i += 1) samples.cached.push(await get())
      for (let i = 0; i < FETCHES_PER_ROUND; i += 1) samples.fetch.push(await timed(() => floor.refresh()))
    }
    const refreshes = fake.requestsTo('auth/refresh').length - before.refreshes
    if (refreshes !== ROUNDS * FETCHES_PER_ROUND) throw new Error('getToken refreshed a fresh token')
    const keychainCalls = Object.values(space.counted.snapshot()).reduce((a, b) => a + b, 0)
    const keychainBefore = Object.values(before.keychain).reduce((a, b) => a + b, 0)

    await report(test.info(), [
      {
        id: '2',
        name: 'Cached token, service.getToken (by name)',
        unit: 'ms',
        measured: summarize(samples.cached),
        baseline: { ...summarize(samples.fetch), label: 'raw fetch POST /auth/refresh, for context' },
        goal: { kind: 'p50', max: 0.2 },
        note: `no refresh and ${keychainCalls - keychainBefore} keychain calls during the timed calls`,
      },
    ])
  } finally {
    service.stop()
    await fake.close()
    await space.dispose()
  }
})
