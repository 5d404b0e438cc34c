import { test } from '@playwright/test'
import { MemoryKeychain } from '../main/core/secrets/memory-keychain'
import { CredentialService, type ServiceOptions } from '../main/core/service/service'
import { startFakeApiVideo } from '../main/fake-api/server'
import { callsPer, scratch } from './lib/keychain'
import { RawRefresher } from './lib/raw-api'
import { report } from './lib/rows'
import { alternate, summarize, timed } from './lib/stats'

const KEY = 'bench-api-key'
const ROUNDS = 300
const WARMUP = 20

test('1. refresh cost: service.refresh against raw fetch (+ raw keytar write)', async () => {
  const fake = await startFakeApiVideo({ apiKeys: [KEY] })
  const real = scratch('refresh')
  const memory = scratch('refresh-memory')
  const services: CredentialService[] = []
  try {
    const start = async (options: ServiceOptions) => {
      const service = new CredentialService(options)
      services.push(service)
      await service.start()
      const { id } = await service.add({ name: 'acme', environment: fake.url, apiKey: KEY })
      return { service, id }
    }

    // With the real keychain, against one raw fetch plus one raw keytar write per refresh.
    const withKeytar = await start({ dataDir: real.dataDir, keychain: real.counted })
    const floor = await RawRefresher.signIn(fake.url, KEY)
    const before = real.counted.snapshot()
    const refreshesBefore = fake.requestsTo('auth/refresh').length
    const keytar = await alternate(
      ROUNDS,
      WARMUP,
      () => timed(() => withKeytar.service.refresh(withKeytar.id)),
      () =>
        timed(async () => {
          const grant = await floor.refresh()
          await real.raw.set('floor/refresh-token', grant.refreshToken)
        }),
    )
    const calls = callsPer(before, real.counted.snapshot(), ROUNDS + WARMUP)
    const sent = fake.requestsTo('auth/refresh').length - refreshesBefore
    if (sent !== 2 * (ROUNDS + WARMUP)) throw new Error(`expected one POST per refresh, saw ${sent}`)

    // With the in-memory keychain, against raw fetch alone.
    const inMemory = await start({ dataDir: memory.dataDir, keychain: new MemoryKeychain() })
    const fetchOnly = await RawRefresher.signIn(fake.url, KEY)
    const noKeychain = await alternate(
      ROUNDS,
      WARMUP,
      () => timed(() => inMemory.service.refresh(inMemory.id)),
      () => timed(() => fetchOnly.refresh()),
    )

    await report(test.info(), [
      {
        id: '1a',
        name: 'Refresh cost, service + keytar',
        unit: 'ms',
        measured: summarize(keytar.measured),
        baseline: {
          ...summarize(keytar.baseline),
          label: 'raw fetch POST /auth/refresh + keytar setPassword',
        },
        goal: { kind: 'ratio', max: 1.2 },
        note: `keychain calls per service refresh: ${calls}; 1 POST each`,
      },
      {
        id: '1b',
        name: 'Refresh cost, service + in-memory keychain',
        unit: 'ms',
        measured: summarize(noKeychain.measured),
        baseline: { ...summarize(noKeychain.baseline), label: 'raw fetch POST /auth/refresh' },
        goal: { kind: 'none' },
      },
    ])
  } finally {
    for (const service of services) service.stop()
    await fake.close()
    await real.dispose()
    await memory.dispose()
  }
})
