import { test } from '@playwright/test'
import { CredentialService } from '../main/core/service/service'
import { startFakeApiVideo } from '../main/fake-api/server'
import { callsPer, scratch } from './lib/keychain'
import { report } from './lib/rows'
import { alternate, summarize, timed } from './lib/stats'
import { seedProfiles } from './lib/seed'

const KEY = 'bench-api-key'
const PROFILES = 100

test('3. startup with 100 profiles: service.start against 100 keychain reads', async () => {
  const fake = await startFakeApiVideo({ apiKeys: [KEY] })
  const space = scratch('startup')
  try {
    const profiles = await seedProfiles({
      count: PROFILES,
      baseUrl: fake.url,
      apiKey: KEY,
      keychain: space.raw,
      dataDir: space.dataDir,
    })
    let starts = 0
    const before = space.counted.snapshot()
    const startOnce = async (): Promise<number> => {
      const service = new CredentialService({ dataDir: space.dataDir, keychain: space.counted })
      const ms = await timed(() => service.start())
      starts += 1
      const views = await service.list()
      service.stop()
      if (views.length !== PROFILES || views.some((view) => view.session.status !== 'valid')) {
        throw new Error('start() did not load every profile as valid')
      }
      return ms
    }
    const readEach = () =>
      timed(async () => {
        for (const profile of profiles) {
          if ((await space.raw.get(`${profile.id}/session`)) === null) throw new Error('entry missing')
        }
      })
    const samples = await alternate(15, 2, startOnce, readEach)
    const calls = callsPer(before, space.counted.snapshot(), starts)
    // For comparison, what avcm does: the profiles file now, each profile's secrets on first use.
    const onDemand = await alternate(
      10,
      1,
      async () => {
        const service = new CredentialService({
          dataDir: space.dataDir,
          keychain: space.counted,
          secrets: 'on-demand',
        })
        const ms = await timed(() => service.start())
        const count = (await service.list()).length
        service.stop()
        if (count !== PROFILES) throw new Error('start() did not load every profile')
        return ms
      },
      readEach,
    )
    if (fake.requestsTo('auth/refresh').length !== 0) throw new Error('start() refreshed fresh tokens')

    await report(test.info(), [
      {
        id: '3a',
        name: 'Startup, 100 profiles, service.start',
        unit: 'ms',
        measured: summarize(samples.measured),
        baseline: { ...summarize(samples.baseline), label: '100 sequential keytar getPassword' },
        goal: { kind: 'ratio', max: 0.5 },
        note: `the app's (eager) start; keychain calls per start: ${calls}`,
      },
      {
        id: '3b',
        name: 'Startup, 100 profiles, on-demand secrets',
        unit: 'ms',
        measured: summarize(onDemand.measured),
        baseline: { ...summarize(onDemand.baseline), label: '100 sequential keytar getPassword' },
        goal: { kind: 'none' },
        note: "avcm's mode: start reads the profiles file only; statuses are unknown until each profile is used",
      },
    ])
  } finally {
    await fake.close()
    await space.dispose()
  }
})
