import { test } from '@playwright/test'
import { Agent, request } from 'node:http'
import { startProxy } from '../main/core/proxy/proxy'
import { CredentialService } from '../main/core/service/service'
import { startFakeApiVideo, type FakeApiVideo } from '../main/fake-api/server'
import { LocalEndpoints } from '../main/shell/endpoints/local-endpoints'
import { startAvcmProxy } from '../main/testing/avcm-proxy'
import { spawnBareForwarder, startBareForwarder } from './lib/bare-forwarder'
import { buildSnapshot } from './lib/build-snapshot'
import { scratch } from './lib/keychain'
import { rawSignIn } from './lib/raw-api'
import { cpuMsOf, mib, sampleRss } from './lib/proc-stats'
import { report } from './lib/rows'
import { avcmWithOneProfile } from './lib/seed'
import { percentile, summarize, timed } from './lib/stats'
import { sendUpload, UploadBody } from './lib/upload-body'

const KEY = 'bench-api-key'
const ROUNDS = 300
const WARMUP = 30
const UPLOAD_BYTES = 200 * 1024 * 1024
const UPLOAD_ROUNDS = 5
/** 64 MB, in MiB. */
const RSS_BUDGET_MIB = 64e6 / (1024 * 1024)

/** Where an upload goes: straight to the fake, through `avcm proxy`, or through the bare forwarder. */
type Side = 'direct' | 'proxied' | 'bare'
type Framing = 'chunked' | 'content-length'

/** One upload: how long it took, the CPU the processes spent on it and, through avcm, its RSS growth. */
interface UploadRun {
  readonly side: Side
  readonly framing: Framing
  readonly ms: number
  /** The benchmark's process (client and fake) and the forwarding one, if any. */
  readonly cpuMs: { readonly bench: number; readonly forwarder: number }
  readonly growthMib?: number
}

/** GET `url` with keep-alive; resolves once the whole answer has been read, rejects unless it is 200. */
function get(url: string, agent: Agent, headers: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent, headers }, (response) => {
      response.resume()
      response.once('error', reject)
      response.once('end', () => {
        if (response.statusCode === 200) resolve()
        else reject(new Error(`GET ${new URL(url).pathname} answered ${response.statusCode}`))
      })
    })
    outgoing.once('error', reject)
    outgoing.end()
  })
}

/**
 * Runs every side once per round, after `warmup` untimed rounds, starting each round with the next side
 * (so none always follows another); returns each side's samples in ms.
 */
async function rotate(
  rounds: number,
  warmup: number,
  sides: readonly (() => Promise<void>)[],
): Promise<number[][]> {
  const samples = sides.map(() => [] as number[])
  for (let round = -warmup; round < rounds; round += 1) {
    for (let i = 0; i < sides.length; i += 1) {
      const side = (i + round + warmup) % sides.length
      const ms = await timed(sides[side] ?? (() => Promise.resolve()))
      if (round >= 0) samples[side]?.push(ms)
    }
  }
  return samples
}

const digests = new WeakMap<UploadBody, Promise<{ readonly file: string; readonly body: string }>>()

/** The body's SHA-256s, computed once per body. */
function digestsOf(body: UploadBody): Promise<{ readonly file: string; readonly body: string }> {
  let known = digests.get(body)
  if (known === undefined) {
    known = body.digests()
    digests.set(body, known)
  }
  return known
}

/** A fake with reads unthrottled (its sandbox default is 100 a minute). */
function fakeServer(): Promise<FakeApiVideo> {
  return startFakeApiVideo({ apiKeys: [KEY], readsPerMinute: 1_000_000_000 })
}

/** Throws unless every GET /videos the fake saw since its log was cleared carried a bearer token. */
function checkBearers(fake: FakeApiVideo, expected: number): void {
  const seen = fake.requestsTo('videos')
  const withBearer = seen.filter((entry) => entry.auth === 'bearer').length
  if (seen.length !== expected || withBearer !== expected) {
    throw new Error(`the fake saw ${seen.length} GET /videos (${expected} sent), ${withBearer} with a bearer`)
  }
  if (fake.requestsTo('auth/refresh').length !== 0) throw new Error('a fresh token was refreshed')
}

function sum(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0)
}

test("7a. local endpoint in-process: GET /videos through the app's endpoint against direct", async () => {
  const fake = await fakeServer()
  const space = scratch('proxy')
  const service = new CredentialService({ dataDir: space.dataDir, keychain: space.counted })
  const agents = [
    new Agent({ keepAlive: true }),
    new Agent({ keepAlive: true }),
    new Agent({ keepAlive: true }),
  ]
  const closing: (() => Promise<void>)[] = []
  try {
    await service.start()
    const profile = await service.add({ name: 'acme', environment: fake.url, apiKey: KEY })
    // The app's own local endpoints (main/shell/endpoints/local-endpoints.ts): startProxy with its tokens from the engine.
    const errors: unknown[] = []
    const endpoints = new LocalEndpoints({
      service,
      startProxy,
      onChange: () => undefined,
      onError: (error) => errors.push(error),
    })
    closing.push(() => endpoints.stopAll())
    const endpoint = await endpoints.start(profile.id)
    const token = (await service.getToken('acme')).accessToken
    const bare = await startBareForwarder(fake.url, token)
    closing.push(() => bare.close())
    const [toFake, toProxy, toBare] = agents as [Agent, Agent, Agent]
    const keychainBefore = space.counted.snapshot()
    fake.clearLog()
    const [direct = [], proxied = [], floor = []] = await rotate(ROUNDS, WARMUP, [
      () => get(`${fake.url}/videos`, toFake, { Authorization: `Bearer ${token}` }),
      () => get(`${endpoint}videos`, toProxy),
      () => get(`${bare.url}videos`, toBare),
    ])
    checkBearers(fake, 3 * (ROUNDS + WARMUP))
    if (errors.length > 0) throw errors[0]
    const keychainCalls = sum(space.counted.snapshot()) - sum(keychainBefore)
    const baseline = { ...summarize(direct), label: 'the same GET straight to the fake with a bearer token' }

    await report(test.info(), [
      {
        id: '7a',
        name: 'Local endpoint, GET /videos latency',
        unit: 'ms',
        measured: summarize(proxied),
        baseline,
        goal: { kind: 'ratio', max: 1.1 },
        note:
          "the app's LocalEndpoints in the benchmark's process (startProxy, tokens from a CredentialService on " +
          `the private keytar keychain; ${keychainCalls} keychain calls while timed); ` +
          'node:http keep-alive clients; direct, endpoint and 7d rotated one by one',
      },
      {
        id: '7d',
        name: 'Bare node:http forwarder, GET /videos latency',
        unit: 'ms',
        measured: summarize(floor),
        baseline,
        goal: { kind: 'none' },
        note: 'the floor of any forwarding hop: pipe both ways, fixed token, no checks (bench/lib/bare-forwarder.ts)',
      },
    ])
  } finally {
    for (const close of closing.reverse()) await close()
    for (const agent of agents) agent.destroy()
    service.stop()
    await fake.close()
    await space.dispose()
  }
})

test('7b, 7c, 7e, 7f. avcm proxy: a 200 MiB upload through it against direct, and its memory', async () => {
  const avcm = buildSnapshot().avcm
  const fake = await fakeServer()
  const space = scratch('proxy-avcm')
  const agents = {
    direct: new Agent({ keepAlive: true }),
    proxied: new Agent({ keepAlive: true }),
    bare: new Agent({ keepAlive: true }),
  }
  const closing: (() => Promise<void>)[] = []
  try {
    const env = await avcmWithOneProfile(space, fake.url, KEY)
    const proxy = await startAvcmProxy(['acme'], env, avcm)
    let exitCode: number | null = null
    try {
      // A token of the same API key for the direct side, as a script that signed in itself would hold.
      const bearer = { Authorization: `Bearer ${(await rawSignIn(fake.url, KEY)).accessToken}` }

      // Requests through the command as a person runs it, and warm-up for the upload's code paths.
      fake.clearLog()
      const [direct = [], proxied = []] = await rotate(ROUNDS, WARMUP, [
        () => get(`${fake.url}/videos`, agents.direct, bearer),
        () => get(`${proxy.url}videos`, agents.proxied),
      ])
      checkBearers(fake, 2 * (ROUNDS + WARMUP))

      // The floor of a forwarding process, for the upload: the bare forwarder, in a process of its own too.
      const bare = await spawnBareForwarder(fake.url, (await rawSignIn(fake.url, KEY)).accessToken)
      closing.push(() => bare.close())
      const through = {
        direct: { url: `${fake.url}/`, pid: undefined, agent: agents.direct, headers: bearer },
        proxied: { url: proxy.url, pid: proxy.pid, agent: agents.proxied, headers: {} },
        bare: { url: bare.url, pid: bare.pid, agent: agents.bare, headers: {} },
      } as const
      const upload = async (side: Side, framing: Framing, body: UploadBody): Promise<UploadRun> => {
        const { url, pid, agent, headers } = through[side]
        const forwarderCpu = () => (pid === undefined ? 0 : cpuMsOf(pid))
        const before = { bench: process.cpuUsage(), forwarder: forwarderCpu() }
        const started = performance.now()
        const answer = await sendUpload(
          `${url}videos/${encodeURIComponent(fake.createVideo())}/source`,
          body,
          { framing, agent, headers },
        )
        const ms = performance.now() - started
        const bench = process.cpuUsage(before.bench)
        const cpuMs = {
          bench: (bench.user + bench.system) / 1000,
          forwarder: forwarderCpu() - before.forwarder,
        }
        const expected = await digestsOf(body)
        const { received } = answer
        if (
          answer.status !== 201 ||
          received?.framing !== framing ||
          received.bytes !== body.length ||
          received.sha256 !== expected.body ||
          received.file?.bytes !== body.fileBytes ||
          received.file.sha256 !== expected.file
        ) {
          throw new Error(`${side} ${framing} upload: ${answer.status} ${JSON.stringify(received)}`)
        }
        return { side, framing, ms, cpuMs }
      }

      // The endpoint's resting size: sampled for a second, before any upload.
      const resting = await sampleRss(proxy.pid)
      await new Promise((resolve) => setTimeout(resolve, 1000))
      const idle = percentile(
        (await resting.stop()).sort((a, b) => a - b),
        50,
      )
      // Untimed: one small upload each way, for the code paths the GETs did not take.
      const small = new UploadBody(16 * 1024 * 1024)
      for (const side of ['proxied', 'bare', 'direct'] as const) await upload(side, 'chunked', small)

      const body = new UploadBody(UPLOAD_BYTES)
      await digestsOf(body)
      const runs: UploadRun[] = []
      const run = async (side: Side, framing: Framing) => {
        if (side !== 'proxied') {
          runs.push(await upload(side, framing, body))
          return
        }
        const sampler = await sampleRss(proxy.pid)
        const result = await upload(side, framing, body)
        runs.push({ ...result, growthMib: mib(Math.max(...(await sampler.stop())) - idle) })
      }
      const sides: Side[] = ['direct', 'proxied', 'bare']
      for (let round = 0; round < UPLOAD_ROUNDS; round += 1) {
        for (let i = 0; i < sides.length; i += 1)
          await run(sides[(i + round) % sides.length] ?? 'direct', 'chunked')
      }
      await run('proxied', 'content-length')
      await run('direct', 'content-length')

      const of = (side: Side, framing: Framing = 'chunked') =>
        runs.filter((r) => r.side === side && r.framing === framing)
      const median = (values: readonly number[]) => summarize(values).p50
      const times = (side: Side, framing: Framing = 'chunked') => of(side, framing).map((r) => r.ms)
      const rate = (side: Side) =>
        `${((UPLOAD_BYTES / 2 ** 20 / median(times(side))) * 1000).toFixed(0)} MiB/s`
      const cpu = (side: Side, part: 'bench' | 'forwarder') =>
        median(of(side).map((r) => r.cpuMs[part])).toFixed(0)
      const withLength = {
        proxied: times('proxied', 'content-length')[0] ?? 0,
        direct: times('direct', 'content-length')[0] ?? 1,
      }
      const growth = runs.flatMap((r) => (r.growthMib === undefined ? [] : [r.growthMib]))
      const uploadBaseline = {
        ...summarize(times('direct')),
        label: 'the same upload straight to the fake with a bearer token',
      }

      await report(test.info(), [
        {
          id: '7b',
          name: 'avcm proxy, 200 MiB upload, chunked',
          unit: 'ms',
          measured: summarize(times('proxied')),
          baseline: uploadBaseline,
          goal: { kind: 'ratio', max: 1.15 },
          note:
            'POST /videos/{id}/source, multipart made on the fly, SHA-256 of body and file checked at the fake; ' +
            `${rate('proxied')} through, ${rate('direct')} direct; CPU per upload (median): avcm proxy ` +
            `${cpu('proxied', 'forwarder')} ms, benchmark process (client + fake) ${cpu('proxied', 'bench')} ms ` +
            `through, ${cpu('direct', 'bench')} ms direct; with a Content-Length, once: ` +
            `${(withLength.proxied / 1000).toFixed(2)} s through, ${(withLength.direct / 1000).toFixed(2)} s ` +
            `direct = ${(withLength.proxied / withLength.direct).toFixed(2)}×; direct, avcm and 7f rotated`,
        },
        {
          id: '7c',
          name: 'avcm proxy, RSS growth during the upload',
          unit: 'MiB',
          measured: summarize(growth),
          goal: { kind: 'p95', max: RSS_BUDGET_MIB },
          note:
            `peak VmRSS (every 50 ms) during each upload through it (${UPLOAD_ROUNDS} chunked, then 1 with a length) ` +
            `minus its median at rest before any upload, ${mib(idle).toFixed(1)} MiB (a 16 MiB warm-up each ` +
            `way came between); in order: ${growth.map((g) => g.toFixed(1)).join(', ')} MiB; goal 64 MB`,
        },
        {
          id: '7e',
          name: 'avcm proxy, GET /videos latency',
          unit: 'ms',
          measured: summarize(proxied),
          baseline: { ...summarize(direct), label: 'the same GET straight to the fake with a bearer token' },
          goal: { kind: 'none' },
          note:
            'the built command in its own process (node out/main/avcm.js proxy acme, its log line per request ' +
            'read from its stderr), profile seeded in the private keychain; rotated one by one with the direct GET',
        },
        {
          id: '7f',
          name: 'Bare forwarder process, 200 MiB upload',
          unit: 'ms',
          measured: summarize(times('bare')),
          baseline: uploadBaseline,
          goal: { kind: 'none' },
          note:
            `the floor of any forwarding process: 7d's forwarder as a process of its own (bench/lib/bare-forwarder-server.mjs); ${rate('bare')}; its CPU ` +
            `per upload ${cpu('bare', 'forwarder')} ms`,
        },
      ])
    } finally {
      exitCode = await proxy.stop()
    }
    if (exitCode !== 0) throw new Error(`avcm proxy exited with ${exitCode} after SIGTERM`)
  } finally {
    for (const close of closing.reverse()) await close()
    for (const agent of Object.values(agents)) agent.destroy()
    await fake.close()
    await space.dispose()
  }
})
