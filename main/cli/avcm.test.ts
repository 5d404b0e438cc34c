import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createKeytarKeychain } from '../core/secrets/keytar-keychain'
import { encodeSession } from '../core/secrets/session-entry'
import { startFakeApiVideo, type FakeApiVideo } from '../fake-api/server'
import { requirePrivateKeychain, uniqueKeychainService } from '../testing/private-keychain'
import { AVCM, runAvcm } from '../testing/run-avcm'
import { until } from '../testing/until'
import { tempDir } from '../testing/temp-dir'
import { COMMANDS } from './commands'

let fake: FakeApiVideo
let dir: ReturnType<typeof tempDir>
let env: Record<string, string | undefined>

beforeAll(async () => {
  requirePrivateKeychain()
  fake = await startFakeApiVideo({ apiKeys: ['demo-key', 'other-key'] })
})
afterAll(() => fake.close())
beforeEach(() => {
  dir = tempDir()
  env = { ...process.env, AVCM_DATA_DIR: dir.path, AVCM_KEYCHAIN_SERVICE: uniqueKeychainService() }
  return () => dir.remove()
})

const avcm = (...args: string[]) => runAvcm(args, { env })
const avcmWithInput = (input: string, ...args: string[]) => runAvcm(args, { env, input })

describe('avcm against the fake api.video and the real keychain', { timeout: 60_000 }, () => {
  it('adds (key on stdin), lists, prints a token, refreshes, verifies, renames and removes', async () => {
    const added = await avcmWithInput('demo-key\n', 'add', 'acme', '--env', fake.url)
    expect(added).toMatchObject({ code: 0, stderr: '' })
    expect(added.stdout).toBe(`Added acme (${new URL(fake.url).host}): signed in, token valid for 59 min.\n`)

    const listed = await avcm('list')
    expect(listed.stdout).toMatch(
      /^NAME\s+ENVIRONMENT\s+STATUS\s+VALID FOR\nacme\s+127\.0\.0\.1:\d+\s+valid\s+59 min\n$/,
    )

    const token = await avcm('token', 'acme')
    expect(token.code).toBe(0)
    expect(token.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/)
    expect(fake.requestsTo('auth/api-key').at(-1)?.apiKey).toBe('demo-key')

    const json = JSON.parse((await avcm('token', 'acme', '--json')).stdout) as Record<string, unknown>
    expect(json).toMatchObject({ accessToken: token.stdout.trim(), expiresIn: expect.any(Number) as unknown })

    expect((await avcm('refresh', 'ACME')).stdout).toMatch(/^Refreshed acme: valid for 59 min\.\n$/)
    expect((await avcm('token', 'acme')).stdout).not.toBe(token.stdout)
    expect((await avcm('verify', 'acme')).stdout).toMatch(/^acme: the token works \(\d+ ms, 3 videos\)\.\n$/)
    expect((await avcm('status', 'acme')).stdout).toMatch(/status\s+valid/)
    expect((await avcm('rename', 'acme', 'Acme Prod')).stdout).toBe('Renamed acme to Acme Prod.\n')

    const statusJson = JSON.parse((await avcm('status', 'acme prod', '--json')).stdout) as Record<
      string,
      unknown
    >
    expect(statusJson).toMatchObject({
      name: 'Acme Prod',
      status: 'valid',
      baseUrl: fake.url,
      lastError: null,
    })

    expect((await avcm('remove', 'Acme Prod')).code).toBe(1)
    expect((await avcm('remove', 'Acme Prod', '--yes')).stdout).toBe(
      'Removed Acme Prod and its keychain entries.\n',
    )
    expect(JSON.parse((await avcm('list', '--json')).stdout)).toEqual([])
  })

  it('refuses a wrong API key with the server’s words and exit code 2, saving nothing', async () => {
    const result = await avcmWithInput('wrong-key', 'add', 'acme', '--env', fake.url)
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'avcm: The user credentials were incorrect.\n' })
    expect(readdirSync(dir.path).filter((f) => f.endsWith('.json'))).toEqual([])
  })

  it('never takes the API key from the command line', async () => {
    const result = await avcm('add', 'acme', '--env', fake.url, '--api-key', 'demo-key')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/never takes an API key on the command line/)
    expect(fake.requests.filter((r) => r.apiKey === 'demo-key' && r.at > Date.now() - 1000)).toEqual([])
  })

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['token'], /usage: avcm token <name>/],
    [['token', 'acme', '--bogus'], /unknown option "--bogus"\. Run "avcm token --help"\./],
    [['token', 'acme', '--min-valid', 'soon'], /--min-valid takes a whole number/],
    [['add', 'acme'], /add needs --env/],
    [['token', 'nobody'], /There is no profile named "nobody"\./],
  ])('usage errors exit 1 with one line: %j', async (args, message) => {
    const result = await avcm(...args)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('exits 3 when api.video cannot be reached', async () => {
    await avcmWithInput('demo-key', 'add', 'acme', '--env', fake.url)
    fake.inject('auth/refresh', { kind: 'status', status: 503, body: '' })
    const result = await avcm('refresh', 'acme')
    expect(result.code).toBe(3)
    expect(result.stderr).toMatch(/^avcm: api\.video had a problem on its side \(HTTP 503\)/)
  })

  it('exits 2 when the refresh token was revoked, and sign-in restores the profile', async () => {
    await avcmWithInput('demo-key', 'add', 'acme', '--env', fake.url)
    fake.revokeRefreshTokens()
    const result = await avcm('token', 'acme', '--min-valid', '3600')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/no longer accepts this profile's refresh token.*Sign in again/)
    expect((await avcmWithInput('demo-key', 'sign-in', 'acme')).code).toBe(0)
    expect((await avcm('token', 'acme', '--min-valid', '3600')).code).toBe(0)
  })

  it('honours --data-dir over AVCM_DATA_DIR', async () => {
    const other = tempDir()
    try {
      await avcmWithInput('demo-key', 'add', 'elsewhere', '--env', fake.url, '--data-dir', other.path)
      expect(readdirSync(other.path)).toContain('profiles.json')
      expect(readdirSync(dir.path)).not.toContain('profiles.json')
    } finally {
      other.remove()
    }
  })

  it('has --help for every command', async () => {
    expect((await avcm('--help')).stdout).toMatch(/Exit codes: 0 ok, 1 usage/)
    for (const name of Object.keys(COMMANDS)) {
      const result = await avcm(name, '--help')
      expect(result.code, name).toBe(0)
      expect(result.stdout, name).toMatch(new RegExp(`^Usage: avcm ${name}`))
    }
  })

  it('two processes asking together for a token that forces a refresh never reuse a refresh token', async () => {
    // With a 3590-second lifetime, no stored token is ever valid for 3590 s more: every call refreshes.
    fake.setAccessTokenLifetime(3590)
    await avcmWithInput('demo-key', 'add', 'acme', '--env', fake.url)
    fake.clearLog()
    for (let round = 0; round < 20; round += 1) {
      const results = await Promise.all([
        avcm('token', 'acme', '--min-valid', '3590'),
        avcm('token', 'acme', '--min-valid', '3590'),
      ])
      for (const result of results) {
        expect(result.stderr).toBe('')
        expect(result.code).toBe(0)
        expect(result.stdout).toMatch(/^eyJ/)
      }
    }
    const refreshes = fake.requestsTo('auth/refresh')
    // Nearly every call refreshes (one may adopt the token the other process just got); none reuses one.
    expect(refreshes.length).toBeGreaterThan(20)
    expect(refreshes.length).toBeLessThanOrEqual(40)
    expect(refreshes.filter((r) => r.refreshOutcome !== 'rotated')).toEqual([])
    fake.setAccessTokenLifetime(3600)
  })

  it('a polite kill during a refresh lets it finish saving, so the profile stays signed in', async () => {
    await avcmWithInput('demo-key', 'add', 'acme', '--env', fake.url)
    fake.inject('auth/refresh', { kind: 'latency', ms: 800 })
    const child = spawn(process.execPath, [AVCM, 'refresh', 'acme'], { env: env })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    await until(() => expect(fake.inFlight('auth/refresh')).toBe(1), 2_000_000)
    child.kill('SIGTERM')
    expect(await exited).toBe(130)
    expect(fake.requestsTo('auth/refresh').at(-1)?.refreshOutcome).toBe('rotated')
    expect((await avcm('refresh', 'acme')).code).toBe(0)
    expect(fake.requestsTo('auth/refresh').at(-1)?.refreshOutcome).toBe('rotated')
  })

  it('keeps every token and the API key out of the data directory', async () => {
    await avcmWithInput('demo-key', 'add', 'acme', '--env', fake.url, '--remember-api-key')
    await avcm('refresh', 'acme')
    await avcm('token', 'acme')
    const secrets = fake.requests
      .flatMap((r) => [r.apiKey, r.refreshToken, r.bearer])
      .filter((s) => s !== undefined)
    for (const name of readdirSync(dir.path, { recursive: true, encoding: 'utf8' })) {
      const file = join(dir.path, name)
      if (!statSync(file).isFile()) continue
      const content = readFileSync(file, 'utf8')
      for (const secret of secrets) expect(content).not.toContain(secret)
    }
  })
})

describe('avcm and a profile whose stored base URL is refused', { timeout: 60_000 }, () => {
  /** A plain http server on this machine's network address (not loopback), recording what reaches it. */
  async function trap(): Promise<{ url: string; received: string[]; close: () => Promise<void> }> {
    const address = Object.values(networkInterfaces())
      .flat()
      .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address
    const received: string[] = []
    const server = createServer((request: IncomingMessage, response) => {
      received.push(`${request.method ?? ''} ${request.url ?? ''}`)
      response.writeHead(400).end()
    })
    if (address === undefined) {
      // No network address to listen on: a name that is not loopback still shows the refusal.
      return { url: 'http://attacker.example', received, close: () => Promise.resolve() }
    }
    await new Promise<void>((resolve) => server.listen(0, address, resolve))
    const url = `http://${address}:${(server.address() as AddressInfo).port}`
    // It is reachable, so "it received nothing" means something.
    await fetch(`${url}/probe`)
    expect(received.splice(0)).toEqual(['GET /probe'])
    return {
      url,
      received,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    }
  }

  it('refuses it in one line and sends nothing, while the other profiles keep working', async () => {
    const attacker = await trap()
    try {
      await avcmWithInput('demo-key', 'add', 'acme', '--env', fake.url)
      const file = join(dir.path, 'profiles.json')
      const document = JSON.parse(readFileSync(file, 'utf8')) as { profiles: unknown[] }
      const id = 'evil-profile-0001'
      document.profiles.push({
        id,
        name: 'evil',
        environment: { kind: 'custom', baseUrl: attacker.url },
        createdAt: 1,
        rememberApiKey: true,
      })
      writeFileSync(file, JSON.stringify(document, null, 2))
      // A token still valid for 30 minutes (the quick path of `avcm token` would print it), and a key.
      const keychain = createKeytarKeychain(env['AVCM_KEYCHAIN_SERVICE'] ?? '')
      const now = Date.now()
      await keychain.set(
        `${id}/session`,
        encodeSession({
          refreshToken: 'evil-refresh-token',
          access: { token: 'evil.access.token', expiresAt: now + 1_800_000, issuedAt: now - 1_800_000 },
        }),
      )
      await keychain.set(`${id}/api-key`, 'other-key')
      fake.clearLog()

      const refused = new RegExp(
        `^avcm: This profile's base URL ${attacker.url.replace(/\./g, '\\.')} is not allowed: ` +
          '.*plain http:// is allowed only to this computer.*profiles\\.json\\.\n$',
      )
      for (const [input, ...args] of [
        ['', 'token', 'evil'],
        ['', 'token', 'evil', '--min-valid', '3600'],
        ['', 'refresh', 'evil'],
        ['', 'verify', 'evil'],
        ['other-key', 'sign-in', 'evil'],
        ['', 'sign-in', 'evil', '--remembered'],
      ] as const) {
        const result = await avcmWithInput(input, ...args)
        expect(result, args.join(' ')).toMatchObject({ code: 1, stdout: '' })
        expect(result.stderr, args.join(' ')).toMatch(refused)
      }
      expect(attacker.received).toEqual([])
      expect(fake.requests).toEqual([])

      expect((await avcm('token', 'acme')).stdout).toMatch(/^eyJ/)
      expect((await avcm('list')).stdout).toMatch(/\nevil\s+\S+\s+needs sign-in\s+/)
      expect((await avcm('status', 'evil')).stdout).toMatch(/last error\s+This profile's base URL/)
      expect((await avcm('remove', 'evil', '--yes')).code).toBe(0)
      expect(await keychain.get(`${id}/api-key`)).toBeNull()
      expect(attacker.received).toEqual([])
    } finally {
      await attacker.close()
    }
  })
})

describe('avcm without a keychain', () => {
  it('outside any D-Bus session, exits 4 saying what to start or install', async () => {
    await avcmWithInput('demo-key', 'add', 'acme', '--env', fake.url)
    const withoutBus = Object.fromEntries(
      Object.entries(env).filter(([name]) => name !== 'DBUS_SESSION_BUS_ADDRESS' && name !== 'DISPLAY'),
    )
    const result = await runAvcm(['list'], { env: withoutBus })
    expect(result.code).toBe(4)
    expect(result.stderr).toMatch(/^avcm: The keychain cannot be reached: no D-Bus session bus is running\./)
    expect(result.stderr).toMatch(/dbus-run-session/)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })
})
