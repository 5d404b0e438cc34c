import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { profilesDocumentSchema } from '../core/profiles/schema'
import { createKeytarKeychain } from '../core/secrets/keytar-keychain'
import { CredentialService } from '../core/service/service'
import { cliProfile, type CliProfile } from '../testing/cli-profile'
import { AVCM, runAvcm } from '../testing/run-avcm'

/**
 * Crash consistency: `avcm refresh` (and `avcm rename`, which writes the profiles file) killed with
 * SIGKILL at random moments. The profiles file must always parse, and the next start must find the
 * profile valid or needing sign-in: never corrupt, never crashing. The runs that end needing sign-in are
 * the unavoidable window between api.video rotating the refresh token and the keychain saving it; they
 * are counted and written to test-results/reliability/crash-consistency.json for docs/RELIABILITY.md.
 */

const RUNS = 50
const RENAME_RUNS = 10
let setup: CliProfile
let env: Record<string, string | undefined>

beforeAll(async () => {
  setup = await cliProfile()
  env = setup.env
}, 60_000)
afterAll(() => setup.close())

/** A small seeded generator, so a failing run can be repeated with the same kill moments. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0
    return state / 2 ** 32
  }
}

/** Starts avcm and kills it with SIGKILL after `afterMs`; resolves once it is gone. */
function killAfter(
  args: readonly string[],
  afterMs: number,
): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [AVCM, ...args], { env: env, stdio: 'ignore' })
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ killed: signal === 'SIGKILL', code })
    })
  })
}

/** `avcm refresh` as the next start: it must end valid (0) or needing sign-in (2), never crash. */
async function nextStartAsProcess(): Promise<'valid' | 'needs-sign-in'> {
  const next = await runAvcm(['refresh', 'acme'], { env })
  expect([0, 2], next.stderr).toContain(next.code)
  expect(next.stderr).not.toMatch(/\n\s+at /)
  if (next.code === 2) expect(next.stderr).toMatch(/Sign in again/)
  return next.code === 0 ? 'valid' : 'needs-sign-in'
}

/** A fresh engine on the same data directory and keychain as the next start. */
async function nextStartInProcess(): Promise<'valid' | 'needs-sign-in'> {
  const service = new CredentialService({
    dataDir: setup.dataDir,
    keychain: createKeytarKeychain(setup.keychainService),
    autoRefresh: false,
  })
  try {
    await service.start()
    expect(service.problems()).toEqual([])
    await service.refresh('acme')
    return 'valid'
  } catch (error) {
    expect(error).toMatchObject({ kind: 'needs-sign-in' })
    return 'needs-sign-in'
  } finally {
    service.stop()
  }
}

function profilesFileParses(): boolean {
  const parsed = profilesDocumentSchema.safeParse(
    JSON.parse(readFileSync(join(setup.dataDir, 'profiles.json'), 'utf8')),
  )
  return parsed.success
}

describe('crash consistency', { timeout: 600_000 }, () => {
  it(`avcm refresh killed at random moments, ${RUNS} times`, async () => {
    // How long a whole refresh takes here, so the kills fall anywhere in it.
    const started = performance.now()
    for (let i = 0; i < 3; i += 1) expect((await runAvcm(['refresh', 'acme'], { env })).code).toBe(0)
    const typicalMs = (performance.now() - started) / 3
    const random = seeded(20261201)
    const results = {
      runs: 0,
      killedMidway: 0,
      finishedBeforeKill: 0,
      validAfter: 0,
      needsSignInAfter: 0,
      typicalMs: 0,
    }
    results.typicalMs = Math.round(typicalMs)

    for (let run = 0; run < RUNS; run += 1) {
      const { killed } = await killAfter(['refresh', 'acme'], random() * typicalMs * 1.1)
      results.runs += 1
      if (killed) results.killedMidway += 1
      else results.finishedBeforeKill += 1
      expect(profilesFileParses()).toBe(true)

      // The next start: every tenth a real avcm process, the others a fresh engine in this process (the
      // same files and keychain, without the cost of starting Node again).
      const outcome = run % 10 === 0 ? await nextStartAsProcess() : await nextStartInProcess()
      if (outcome === 'valid') {
        results.validAfter += 1
      } else {
        results.needsSignInAfter += 1
        expect((await runAvcm(['sign-in', 'acme'], { env, input: 'key' })).code).toBe(0)
      }
    }

    expect(results.validAfter + results.needsSignInAfter).toBe(RUNS)
    // Every refresh token api.video saw twice belongs to a run that ended needing sign-in, and nothing else.
    expect(setup.fake.requestsTo('auth/refresh').filter((r) => r.refreshOutcome === 'reused')).toHaveLength(
      results.needsSignInAfter,
    )
    record('crash-consistency', results)
    console.log(`crash consistency: ${JSON.stringify(results)}`)
  })

  it(`avcm rename killed at random moments, ${RENAME_RUNS} times, never corrupts the profiles file`, async () => {
    const random = seeded(7)
    let name = 'acme'
    for (let run = 0; run < RENAME_RUNS; run += 1) {
      const next = `acme-${run}`
      await killAfter(['rename', name, next], random() * 400)
      expect(profilesFileParses()).toBe(true)
      const listed = JSON.parse((await runAvcm(['list', '--json'], { env })).stdout) as { name: string }[]
      expect(listed).toHaveLength(1)
      expect([name, next]).toContain(listed[0]?.name)
      name = listed[0]?.name ?? name
    }
  })
})

function record(name: string, figures: object): void {
  const out = join(import.meta.dirname, '../../test-results/reliability')
  mkdirSync(out, { recursive: true })
  writeFileSync(
    join(out, `${name}.json`),
    `${JSON.stringify({ ...figures, at: new Date().toISOString() }, null, 2)}\n`,
  )
}
