import { test } from '@playwright/test'
import { execFile } from 'node:child_process'
import { startFakeApiVideo } from '../main/fake-api/server'
import { buildSnapshot } from './lib/build-snapshot'
import { scratch } from './lib/keychain'
import { report } from './lib/rows'
import { alternate, summarize } from './lib/stats'
import { avcmWithOneProfile, seedProfiles } from './lib/seed'

const KEY = 'bench-api-key'
const ROUNDS = 20

/** Runs `node <args>` as a whole process; resolves to its wall time in ms once it has exited with 0. */
function run(args: readonly string[], env: NodeJS.ProcessEnv, expect: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    execFile(process.execPath, [...args], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      const ms = performance.now() - started
      if (error !== null) reject(new Error(`node ${args.join(' ')} failed: ${stderr}`, { cause: error }))
      else if (!expect.test(stdout))
        reject(new Error(`node ${args.join(' ')} printed ${stdout.slice(0, 80)}`))
      else resolve(ms)
    })
  })
}

test('4. command start: avcm token <name> against node -e ""', async () => {
  const avcm = buildSnapshot().avcm
  const fake = await startFakeApiVideo({ apiKeys: [KEY] })
  const space = scratch('avcm')
  try {
    // Both sides run with the same environment, minus what makes every Node start slower (this machine sets
    // NODE_EXTRA_CA_CERTS, which costs ~40 ms per start): a larger baseline would flatter the ratio.
    const env = await avcmWithOneProfile(space, fake.url, KEY)
    delete env['NODE_EXTRA_CA_CERTS']
    const nothing = () => run(['-e', ''], env, /^$/)
    const token = await alternate(
      ROUNDS,
      2,
      () => run([avcm, 'token', 'acme'], env, /^eyJ[\w.-]+\n$/),
      nothing,
    )
    const version = await alternate(ROUNDS, 2, () => run([avcm, '--version'], env, /^\d+\.\d+\.\d+/), nothing)
    // The same command once 99 more profiles share the keychain service.
    await seedProfiles({
      count: 99,
      baseUrl: fake.url,
      apiKey: KEY,
      keychain: space.raw,
      dataDir: space.dataDir,
    })
    const crowded = await alternate(10, 1, () => run([avcm, 'token', 'acme'], env, /^eyJ[\w.-]+\n$/), nothing)
    if (fake.requestsTo('auth/refresh').length !== 0) throw new Error('avcm token refreshed a fresh token')

    await report(test.info(), [
      {
        id: '4a',
        name: 'Command start, avcm token (fresh token)',
        unit: 'ms',
        measured: summarize(token.measured),
        baseline: { ...summarize(token.baseline), label: "node -e ''" },
        goal: { kind: 'ratio', max: 2.5 },
        note: 'whole process, spawn to exit, NODE_OPTIONS and NODE_EXTRA_CA_CERTS unset; no refresh was needed',
      },
      {
        id: '4b',
        name: 'Command start, avcm --version (no engine)',
        unit: 'ms',
        measured: summarize(version.measured),
        baseline: { ...summarize(version.baseline), label: "node -e ''" },
        goal: { kind: 'none' },
        note: 'what loading the command costs before the engine starts',
      },
      {
        id: '4c',
        name: 'Command start, avcm token, 100 profiles',
        unit: 'ms',
        measured: summarize(crowded.measured),
        baseline: { ...summarize(crowded.baseline), label: "node -e ''" },
        goal: { kind: 'none' },
        note: 'as 4a with 99 more profiles in the data directory and keychain',
      },
    ])
  } finally {
    await fake.close()
    await space.dispose()
  }
})
