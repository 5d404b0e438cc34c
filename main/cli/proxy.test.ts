import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer as createTcpServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { createKeytarKeychain } from '../core/secrets/keytar-keychain'
import { cliProfile, type CliProfile } from '../testing/cli-profile'
import { startAvcmProxy, type AvcmProxy } from '../testing/avcm-proxy'
import { runAvcm } from '../testing/run-avcm'
import { digestOf, generatedFile, multipartUpload, postStream } from '../testing/streamed-upload'

const proxies: AvcmProxy[] = []

/** Starts `avcm proxy <args>`, stopped after the test. */
async function avcmProxy(
  args: readonly string[],
  env: Record<string, string | undefined>,
): Promise<AvcmProxy> {
  const proxy = await startAvcmProxy(args, env)
  proxies.push(proxy)
  return proxy
}

const setups: CliProfile[] = []
afterEach(async () => {
  for (const proxy of proxies.splice(0)) if (proxy.child.exitCode === null) await proxy.stop('SIGKILL')
  for (const setup of setups.splice(0)) await setup.close()
})

async function profile(options: Parameters<typeof cliProfile>[0] = {}): Promise<CliProfile> {
  const setup = await cliProfile({ readsPerMinute: 100_000, ...options })
  setups.push(setup)
  return setup
}

/** A GET or POST through the endpoint, with the answer's status and text. */
function call(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Readable } = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }))
      res.on('error', reject)
    })
    req.on('error', reject)
    if (options.body === undefined) req.end()
    else pipeline(options.body, req).catch(reject)
  })
}

/** The profiles file and every keychain entry of the profile's service, to show that nothing changed. */
async function snapshot(setup: CliProfile): Promise<string> {
  const keychain = createKeytarKeychain(setup.keychainService)
  const entries = [...(await keychain.findAll())].sort((a, b) => a.account.localeCompare(b.account))
  return JSON.stringify([readFileSync(join(setup.dataDir, 'profiles.json'), 'utf8'), entries])
}

describe('avcm proxy', { timeout: 120_000 }, () => {
  it('prints one line, its URL; logs each request on stderr without a token; stops on SIGTERM, finishing what is in flight', async () => {
    const setup = await profile()
    const proxy = await avcmProxy(['acme'], setup.env)
    expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[\w-]{43}\/$/)
    expect((await call(`${proxy.url}videos`)).status).toBe(200)
    expect((await call(`${proxy.url.replace(/[\w-]{43}\/$/, '')}videos`)).status).toBe(403)

    setup.fake.inject('videos', { kind: 'latency', ms: 500 })
    const slow = call(`${proxy.url}videos?currentPage=1`)
    while (setup.fake.inFlight('videos') === 0) await new Promise((resolve) => setImmediate(resolve))
    const code = proxy.stop('SIGTERM')
    expect((await slow).status).toBe(200)
    expect(await code).toBe(0)

    expect(proxy.stdout()).toBe(`${proxy.url}\n`)
    const lines = proxy.stderr().trim().split('\n')
    expect(lines).toEqual([
      expect.stringMatching(/^\S+Z GET \/videos 200 \d+ ms$/),
      expect.stringMatching(/^\S+Z GET \(refused\) 403 /),
      expect.stringMatching(/^\S+Z GET \/videos 200 \d+ ms$/),
    ])
    const secret = proxy.url.split('/')[3] ?? ''
    for (const bearer of setup.fake.requests.map((r) => r.bearer).filter((b) => b !== undefined)) {
      expect(proxy.stderr()).not.toContain(bearer)
    }
    expect(proxy.stderr()).not.toContain(secret)
  })

  it('acceptance: 200 requests over 15 s with 5-second tokens, and avcm token meanwhile: all succeed, no refresh token twice', async () => {
    const setup = await profile({ accessTokenLifetimeSeconds: 5 })
    const proxy = await avcmProxy(['acme'], setup.env)
    setup.fake.clearLog()
    // The fake's latency paces the run: 200 requests one after another, 75 ms each.
    setup.fake.inject('videos', { kind: 'latency', ms: 75 }, 200)
    const requests = { done: false }
    const tokenRuns = (async () => {
      const results: { code: number; stderr: string }[] = []
      while (!requests.done)
        results.push(await runAvcm(['token', 'acme', '--min-valid', '4'], { env: setup.env }))
      return results
    })()
    const started = Date.now()
    const statuses: number[] = []
    for (let i = 0; i < 200; i += 1) statuses.push((await call(`${proxy.url}videos`)).status)
    const elapsed = Date.now() - started
    requests.done = true
    const tokens = await tokenRuns

    expect(statuses).toEqual(Array(200).fill(200))
    expect(elapsed).toBeGreaterThanOrEqual(15_000)
    expect(tokens.length).toBeGreaterThan(3)
    expect(tokens.filter((t) => t.code !== 0)).toEqual([])
    const refreshes = setup.fake.requestsTo('auth/refresh')
    // Tokens live 5 s: over 15 s the endpoint alone must have refreshed several times.
    expect(refreshes.length).toBeGreaterThanOrEqual(4)
    expect(refreshes.filter((r) => r.refreshOutcome !== 'rotated')).toEqual([])
    const presented = refreshes.map((r) => r.refreshToken)
    expect(new Set(presented).size).toBe(presented.length)
    expect(await proxy.stop()).toBe(0)
  })

  it('acceptance: a 200 MB upload arrives byte-identical, with a length or chunked, and the endpoint’s memory grows less than 64 MB', async () => {
    const setup = await profile()
    const proxy = await avcmProxy(['acme'], setup.env)
    expect((await call(`${proxy.url}videos`)).status).toBe(200)
    const file = generatedFile(200 * 1024 * 1024)
    const expected = await digestOf(file.stream())
    // The endpoint runs in its own process: its peak resident size (VmHWM, which no sampling can miss)
    // against its size before the uploads.
    const memory = (field: 'VmRSS' | 'VmHWM') => {
      const status = readFileSync(`/proc/${proxy.child.pid ?? 0}/status`, 'utf8')
      return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024
    }
    const linux = process.platform === 'linux'
    const before = linux ? memory('VmRSS') : 0

    for (const size of [file.size, undefined]) {
      const videoId = setup.fake.createVideo({ title: 'Clip' })
      const upload = multipartUpload(file.stream(), {
        filename: 'clip.mp4',
        ...(size === undefined ? {} : { size }),
      })
      const answer = await postStream(`${proxy.url}videos/${videoId}/source`, upload.body, upload.headers)
      expect(answer.status).toBe(201)
      expect(setup.fake.sourceOf(videoId)).toEqual({
        bytes: expected.bytes,
        parts: 1,
        complete: true,
        sha256: expected.sha256,
      })
      const seen = setup.fake.requestsTo('videos/source').at(-1)
      expect(seen).toMatchObject({ auth: 'bearer', result: 201 })
      expect(seen?.upload?.framing).toBe(size === undefined ? 'chunked' : 'content-length')
    }
    if (linux) {
      const growth = memory('VmHWM') - before
      console.log(
        `avcm proxy, two 200 MB uploads: RSS ${(before / 2 ** 20).toFixed(1)} MiB before, ` +
          `peak growth ${(growth / 2 ** 20).toFixed(1)} MiB`,
      )
      expect(growth).toBeLessThan(64e6)
    }
    expect(await proxy.stop()).toBe(0)
  })

  it('answers 401 saying how to sign in again when the refresh token is revoked, and exits 2 if so at start', async () => {
    const setup = await profile({ accessTokenLifetimeSeconds: 5 })
    const proxy = await avcmProxy(['acme'], setup.env)
    setup.fake.revokeRefreshTokens()
    setup.fake.expireAccessTokens()
    const answer = await call(`${proxy.url}videos`)
    expect(answer.status).toBe(401)
    expect(JSON.parse(answer.text)).toEqual({
      type: 'about:blank',
      title: 'Profile acme must sign in again; run: avcm sign-in acme',
      status: 401,
    })
    expect(await proxy.stop()).toBe(0)

    // Signed out (its keychain entries gone): refused at start, before any URL is printed.
    const keychain = createKeytarKeychain(setup.keychainService)
    for (const { account } of await keychain.findAll()) await keychain.delete(account)
    const again = await runAvcm(['proxy', 'acme'], { env: setup.env })
    expect(again).toEqual({
      code: 2,
      stdout: '',
      stderr: 'avcm: Profile acme must sign in again; run: avcm sign-in acme\n',
    })
  })

  it('acceptance: bad input gives one line and exit code 1, and changes nothing', async () => {
    const setup = await profile()
    const taken = createTcpServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const port = (taken.address() as AddressInfo).port
    try {
      const before = await snapshot(setup)
      setup.fake.clearLog()
      for (const [args, message] of [
        [['nobody'], /^avcm: There is no profile named "nobody"\.$/],
        [
          ['acme', '--port', String(port)],
          new RegExp(`^avcm: Port ${port} on 127\\.0\\.0\\.1 is already in use`),
        ],
        [['acme', '--host', '0.0.0.0'], /^avcm: The local endpoint listens on 127\.0\.0\.1 only/],
        [['acme', '--host', 'localhost'], /^avcm: The local endpoint listens on 127\.0\.0\.1 only/],
        [['acme', '--allow-origin', 'localhost:3000'], /^avcm: "localhost:3000" is not an origin/],
        [['acme', '--port', 'eighty'], /^avcm: --port takes a port number/],
        [[], /^avcm: usage: avcm proxy <name>/],
      ] as const) {
        const result = await runAvcm(['proxy', ...args], { env: setup.env })
        expect(result.code, args.join(' ')).toBe(1)
        expect(result.stdout, args.join(' ')).toBe('')
        expect(result.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1)
        expect(result.stderr.trimEnd(), args.join(' ')).toMatch(message)
      }
      expect(await snapshot(setup)).toBe(before)
      expect(setup.fake.requests).toEqual([])
    } finally {
      taken.close()
    }
  })
})
