import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiVideoClient } from '../core/apivideo/client'
import { startFakeApiVideo, type FakeApiVideo } from '../fake-api/server'
import { buildNodeScript } from '../testing/build-script'
import { requirePrivateKeychain, uniqueKeychainService } from '../testing/private-keychain'
import { runAvcm } from '../testing/run-avcm'
import { tempDir } from '../testing/temp-dir'

/**
 * Keychain faults, each with the real Secret Service stack: no session bus, a bus without any Secret
 * Service, and a keyring locked in the middle of a run. Clear errors, nothing lost, recovery on unlock.
 */

const ROOT = join(import.meta.dirname, '../..')
let fake: FakeApiVideo
let dir: ReturnType<typeof tempDir>
let env: Record<string, string | undefined>

beforeAll(async () => {
  requirePrivateKeychain()
  fake = await startFakeApiVideo({ apiKeys: ['key'] })
  dir = tempDir()
  env = { ...process.env, AVCM_DATA_DIR: dir.path, AVCM_KEYCHAIN_SERVICE: uniqueKeychainService() }
  expect((await runAvcm(['add', 'acme', '--env', fake.url], { env, input: 'key' })).code).toBe(0)
}, 60_000)
afterAll(async () => {
  await runAvcm(['remove', 'acme', '--yes'], { env })
  await fake.close()
  dir.remove()
})

const withoutBus = () =>
  Object.fromEntries(
    Object.entries(env).filter(([name]) => name !== 'DBUS_SESSION_BUS_ADDRESS' && name !== 'DISPLAY'),
  )

describe('keychain faults', { timeout: 120_000 }, () => {
  it('no session bus: exit 4 saying what to start, and nothing is lost', async () => {
    const result = await runAvcm(['token', 'acme'], { env: withoutBus() })
    expect(result.code).toBe(4)
    expect(result.stderr).toMatch(/no D-Bus session bus is running.*dbus-run-session/)
    expect((await runAvcm(['token', 'acme'], { env })).code).toBe(0)
  })

  it('a session bus without any Secret Service: exit 4 saying what to install', async () => {
    const bus = await startBareBus()
    try {
      const result = await runAvcm(['token', 'acme'], {
        env: { ...withoutBus(), DBUS_SESSION_BUS_ADDRESS: bus.address },
      })
      expect(result.code).toBe(4)
      expect(result.stderr).toMatch(
        /No Secret Service \(keychain\) is running\. Install and start one: .*apt-get install gnome-keyring/,
      )
    } finally {
      bus.process.kill()
    }
    expect((await runAvcm(['token', 'acme'], { env })).code).toBe(0)
  })

  it('a keyring locked mid-run: tokens kept and served, a clear error, no crash, everything saved once unlocked', async () => {
    const worker = await buildNodeScript(join(import.meta.dirname, '../testing/locked-keyring-worker.ts'))
    fake.clearLog()
    const report = await runInOwnKeyring(worker, [
      fake.url,
      'key',
      join(ROOT, 'scripts/unlock-test-keyring.py'),
    ])
    expect(report['statusWhileLocked']).toBe('valid')
    expect(report['servedNewToken']).toBe(true)
    expect(report['keychainErrorWhileLocked']).toMatch(/keychain is locked/)
    expect(report['secondStartProblems']).toEqual([
      { kind: 'keychain-unavailable', message: expect.stringMatching(/locked/) as unknown },
    ])
    expect(report['secondStartStatus']).not.toBe('signed-out')
    expect(report['recovered']).toBe(true)
    expect(report['activity']).toContain('keychain-recovered')
    // The keychain holds the refresh token api.video issued last, and it still works.
    const lastIssued = fake.requests.filter((r) => r.issued !== undefined).at(-1)?.issued?.refreshToken
    expect(report['storedRefreshToken']).toBe(lastIssued)
    await expect(
      createApiVideoClient({ baseUrl: fake.url }).refresh(String(report['storedRefreshToken'])),
    ).resolves.toBeDefined()
  })
})

/** A D-Bus session bus with no service files, so nothing provides org.freedesktop.secrets. */
function startBareBus(): Promise<{ address: string; process: ChildProcess }> {
  const config = join(dir.path, 'bare-bus.conf')
  writeFileSync(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=${dir.path}</listen>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>`,
  )
  const bus = spawn('dbus-daemon', ['--config-file', config, '--print-address', '--nofork'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  return new Promise((resolve, reject) => {
    bus.stdout.once('data', (data: Buffer) => resolve({ address: data.toString().trim(), process: bus }))
    bus.once('error', reject)
  })
}

/** Runs a script in a fresh private D-Bus session and keyring of its own, and parses its JSON report. */
function runInOwnKeyring(script: string, args: readonly string[]): Promise<Record<string, unknown>> {
  const ownEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'AVCM_PRIVATE_KEYCHAIN'),
  )
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [join(ROOT, 'scripts/with-private-keychain.sh'), process.execPath, script, ...args],
      { env: ownEnv, timeout: 90_000 },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').at(-1) ?? ''
        if (error !== null || !line.startsWith('{')) reject(new Error(`worker failed: ${stderr}\n${stdout}`))
        else resolve(JSON.parse(line) as Record<string, unknown>)
      },
    )
  })
}
