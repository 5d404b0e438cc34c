import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKeytarKeychain } from '../core/secrets/keytar-keychain'
import { CredentialService } from '../core/service/service'
import { buildNodeScript } from '../testing/build-script'
import { cliProfile, type CliProfile } from '../testing/cli-profile'
import { runAvcm } from '../testing/run-avcm'

/**
 * Several processes on one profile, each asking for a token that forces a refresh: every call succeeds and
 * api.video never sees a used refresh token again. With a 3,590 s token lifetime, no token is ever valid
 * for 3,590 s more, so every request refreshes.
 */

const LIFETIME = 3590
let setup: CliProfile
let worker: string

beforeAll(async () => {
  setup = await cliProfile({ accessTokenLifetimeSeconds: LIFETIME })
  worker = await buildNodeScript(join(import.meta.dirname, '../testing/token-worker.ts'))
}, 60_000)
afterAll(() => setup.close())

/** Runs the token worker as a separate process; resolves to its per-request results. */
function askRepeatedly(count: number): Promise<{ ok: boolean; kind?: string; message?: string }[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [worker, setup.dataDir, setup.keychainService, 'acme', String(count), String(LIFETIME)],
      { timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error !== null) reject(new Error(`worker failed: ${stderr}`))
        else
          resolve(
            stdout
              .trim()
              .split('\n')
              .map((line) => JSON.parse(line) as { ok: boolean }),
          )
      },
    )
  })
}

describe('concurrency across processes', { timeout: 180_000 }, () => {
  it('three processes × 30 forced refreshes: every call succeeds, no refresh token is presented twice', async () => {
    setup.fake.clearLog()
    const results = await Promise.all([askRepeatedly(30), askRepeatedly(30), askRepeatedly(30)])
    expect(results.flat()).toHaveLength(90)
    expect(results.flat().filter((r) => !r.ok)).toEqual([])
    const refreshes = setup.fake.requestsTo('auth/refresh')
    // Nearly every call refreshes; a call that began just before another process's rotation landed may
    // adopt that fresh token instead, which is right. What must never happen is a refresh token twice.
    expect(refreshes.length).toBeGreaterThan(45)
    expect(refreshes.length).toBeLessThanOrEqual(90)
    expect(refreshes.filter((r) => r.refreshOutcome !== 'rotated')).toEqual([])
    expect(new Set(refreshes.map((r) => r.refreshToken)).size).toBe(refreshes.length)
  })

  it('the app’s service and avcm processes side by side', async () => {
    setup.fake.clearLog()
    const app = new CredentialService({
      dataDir: setup.dataDir,
      keychain: createKeytarKeychain(setup.keychainService),
    })
    await app.start()
    const { env } = setup
    const appCalls = (async () => {
      const outcomes: boolean[] = []
      for (let i = 0; i < 30; i += 1) {
        outcomes.push(
          await app.getToken('acme', { minValiditySeconds: LIFETIME }).then(
            () => true,
            () => false,
          ),
        )
      }
      return outcomes
    })()
    const cliCalls = (async () => {
      const codes: number[] = []
      for (let i = 0; i < 15; i += 1) {
        codes.push((await runAvcm(['token', 'acme', '--min-valid', String(LIFETIME)], { env })).code)
      }
      return codes
    })()
    const [appOutcomes, cliCodes] = await Promise.all([appCalls, cliCalls])
    app.stop()
    expect(appOutcomes.every(Boolean)).toBe(true)
    expect(cliCodes.every((code) => code === 0)).toBe(true)
    const refreshes = setup.fake.requestsTo('auth/refresh')
    expect(refreshes.length).toBeGreaterThan(22)
    expect(refreshes.length).toBeLessThanOrEqual(45)
    expect(refreshes.filter((r) => r.refreshOutcome !== 'rotated')).toEqual([])
  })
})
