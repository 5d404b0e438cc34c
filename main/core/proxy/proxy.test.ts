import { createHash } from 'node:crypto'
import { createServer, request, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startFakeApiVideo, type FakeApiVideo } from '../../fake-api/server'
import { ApiError } from '../apivideo/api-error'
import { InvalidInputError } from '../errors'
import { NeedsSignInError } from '../sessions/session-types'
import { startProxy, type ProxyOptions, type RunningProxy } from './proxy'

let fake: FakeApiVideo
const running: RunningProxy[] = []

beforeAll(async () => {
  fake = await startFakeApiVideo({ apiKeys: ['key'], readsPerMinute: 100_000 })
})
afterAll(() => fake.close())
afterEach(async () => {
  await Promise.all(running.splice(0).map((proxy) => proxy.close()))
  fake.clearFaults()
  fake.clearLog()
})

/** Tokens straight from the fake: sign in once, refresh (rotating) when asked for a fresh one. */
function fakeTokens() {
  let refreshToken: string | undefined
  let access: string | undefined
  const calls: boolean[] = []
  const grant = async (path: string, body: object) => {
    const res = await fetch(`${fake.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    const json = (await res.json()) as { access_token: string; refresh_token: string }
    refreshToken = json.refresh_token
    access = json.access_token
    return access
  }
  const token = async (fresh: boolean): Promise<string> => {
    calls.push(fresh)
    if (access === undefined) return grant('/auth/api-key', { apiKey: 'key' })
    if (fresh) return grant('/auth/refresh', { refreshToken })
    return access
  }
  return { token, calls }
}

async function proxy(options: Partial<ProxyOptions> = {}): Promise<RunningProxy> {
  const started = await startProxy({ upstream: fake.url, token: fakeTokens().token, ...options })
  running.push(started)
  return started
}

/** A raw request, so tests can send any Host, Origin or body. */
function call(
  url: string,
  options: {
    readonly method?: string
    readonly headers?: Record<string, string>
    readonly body?: Readable | Buffer
  } = {},
): Promise<{ status: number; headers: IncomingMessage['headers']; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    if (options.body instanceof Readable) options.body.pipe(req)
    else req.end(options.body)
  })
}

/** A plain upstream that records each request with its body's length and SHA-256, and answers per `reply`. */
async function recordingUpstream(
  reply: (req: IncomingMessage, index: number) => { status: number; body?: string } = () => ({
    status: 200,
  }),
) {
  const seen: {
    method: string
    url: string
    headers: IncomingMessage['headers']
    bytes: number
    sha256: string
  }[] = []
  const server: Server = createServer((req, res) => {
    const hash = createHash('sha256')
    let bytes = 0
    req.on('data', (chunk: Buffer) => {
      hash.update(chunk)
      bytes += chunk.length
    })
    req.on('end', () => {
      const entry = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        bytes,
        sha256: hash.digest('hex'),
      }
      seen.push(entry)
      const { status, body } = reply(req, seen.length - 1)
      const text = body ?? JSON.stringify({ bytes, sha256: entry.sha256 })
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
      res.end(text)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

describe('startProxy against the fake api.video', () => {
  it('serves on 127.0.0.1 with a secret of at least 128 bits, and adds the bearer token', async () => {
    const lines: string[] = []
    const endpoint = await proxy({ log: (line) => lines.push(line) })
    const match = /^http:\/\/127\.0\.0\.1:(\d+)\/([\w-]+)\/$/.exec(endpoint.url)
    expect(match?.[1]).toBe(String(endpoint.port))
    expect(match?.[2]?.length).toBeGreaterThanOrEqual(22)
    const res = await fetch(`${endpoint.url}videos?pageSize=10`)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(3)
    const seen = fake.requestsTo('videos')
    expect(seen).toHaveLength(1)
    expect(seen[0]?.bearer).toMatch(/^eyJ/)
    expect(lines).toEqual([expect.stringMatching(/^GET \/videos 200 \d+ ms$/) as unknown])
    expect(lines.join('\n')).not.toContain(seen[0]?.bearer)
    expect(lines.join('\n')).not.toContain(endpoint.url.split('/')[3])
  })

  it('refuses a request without the secret, a foreign Host or an unlisted Origin; nothing reaches upstream', async () => {
    const endpoint = await proxy({ allowOrigins: ['http://localhost:5173'] })
    const base = `http://127.0.0.1:${endpoint.port}`
    const refusals = [
      await call(`${base}/videos`),
      await call(`${base}/${'A'.repeat(43)}/videos`),
      await call(`${endpoint.url}videos`, { headers: { Host: `attacker.example:${endpoint.port}` } }),
      await call(`${endpoint.url}videos`, { headers: { Host: '127.0.0.1' } }),
      await call(`${endpoint.url}videos`, { headers: { Origin: 'https://attacker.example' } }),
      await call(`${endpoint.url}videos`, { headers: { 'Sec-Fetch-Site': 'cross-site' } }),
      await call(`${endpoint.url}videos`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'null' },
        body: Buffer.from('{}'),
      }),
    ]
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 421, 421, 403, 403, 403])
    for (const refusal of refusals) {
      expect(refusal.headers['content-type']).toBe('application/problem+json')
      expect(refusal.text.split('\n')).toHaveLength(1)
    }
    expect(fake.requests).toEqual([])
    const allowed = await call(`${endpoint.url}videos`, {
      headers: { Origin: 'http://localhost:5173', Host: `localhost:${endpoint.port}` },
    })
    expect(allowed.status).toBe(200)
  })

  it('never forwards the client’s Authorization, Proxy-Authorization or cookies', async () => {
    const upstream = await recordingUpstream()
    try {
      const endpoint = await proxy({ upstream: upstream.url, token: () => Promise.resolve('proxy-token') })
      await call(`${endpoint.url}videos`, {
        headers: {
          Authorization: 'Basic a2V5Og==',
          'Proxy-Authorization': 'Basic eDp5',
          Cookie: 'other=local-app',
          'X-Kept': 'yes',
        },
      })
      const headers = upstream.seen[0]?.headers
      expect(headers?.authorization).toBe('Bearer proxy-token')
      expect(headers?.['proxy-authorization']).toBeUndefined()
      expect(headers?.cookie).toBeUndefined()
      expect(headers?.host).toBe(new URL(upstream.url).host)
      expect(headers?.['x-kept']).toBe('yes')
    } finally {
      await upstream.close()
    }
    // And with the fake: the bearer it saw is the proxy's, never the client's.
    const endpoint = await proxy()
    await call(`${endpoint.url}videos`, { headers: { Authorization: 'Bearer client-token' } })
    expect(fake.requestsTo('videos').map((r) => r.bearer)).not.toContain('client-token')
  })

  it('passes upstream errors through unchanged: status, headers and body', async () => {
    const endpoint = await proxy()
    const body =
      '{"type":"https://docs.api.video/reference/too-many-requests","title":"Too many requests.","status":429}'
    fake.inject('videos', {
      kind: 'status',
      status: 429,
      body,
      contentType: 'application/problem+json',
      headers: { 'X-RateLimit-Retry-After': '17' },
    })
    const res = await call(`${endpoint.url}videos`)
    expect(res).toMatchObject({ status: 429, text: body })
    expect(res.headers['content-type']).toBe('application/problem+json')
    expect(res.headers['x-ratelimit-retry-after']).toBe('17')
  })

  it('after a 401, refreshes once for a burst of requests and sends each again', async () => {
    const tokens = fakeTokens()
    const endpoint = await proxy({ token: tokens.token })
    expect((await call(`${endpoint.url}videos`)).status).toBe(200)
    fake.expireAccessTokens()
    const results = await Promise.all(Array.from({ length: 20 }, () => call(`${endpoint.url}videos`)))
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200))
    expect(tokens.calls.filter((fresh) => fresh)).toHaveLength(1)
    expect(fake.requestsTo('auth/refresh').map((r) => r.refreshOutcome)).toEqual(['rotated'])
  })

  it('says the profile must sign in again (401), or that api.video is unavailable (503)', async () => {
    const message = 'Profile acme must sign in again: run "avcm sign-in acme".'
    const needsSignIn = await proxy({ token: () => Promise.reject(new NeedsSignInError(message)) })
    const res = await call(`${needsSignIn.url}videos`)
    expect(res.status).toBe(401)
    expect(res.headers['content-type']).toBe('application/problem+json')
    expect(JSON.parse(res.text)).toEqual({ type: 'about:blank', title: message, status: 401 })

    const offline = await proxy({
      token: () => Promise.reject(new ApiError('network', 'refresh', 'Could not reach ws.api.video.')),
    })
    expect((await call(`${offline.url}videos`)).status).toBe(503)
    expect(fake.requests).toEqual([])
  })

  it('answers 502 with a one-line problem when upstream cannot be reached', async () => {
    const closed = await recordingUpstream()
    await closed.close()
    const endpoint = await proxy({ upstream: closed.url, token: () => Promise.resolve('t') })
    const res = await call(`${endpoint.url}videos`)
    expect(res.status).toBe(502)
    expect(res.headers['content-type']).toBe('application/problem+json')
    expect(res.text.split('\n')).toHaveLength(1)
    expect(JSON.parse(res.text)).toMatchObject({
      status: 502,
      title: expect.stringMatching(/could not reach 127\.0\.0\.1:\d+: the connection was refused/) as unknown,
    })
  })

  it('lets requests in flight finish on close, and then stops listening', async () => {
    const endpoint = await proxy()
    fake.inject('videos', { kind: 'latency', ms: 300 })
    const slow = call(`${endpoint.url}videos`)
    while (fake.inFlight('videos') === 0) await new Promise((resolve) => setImmediate(resolve))
    const closing = endpoint.close()
    expect((await slow).status).toBe(200)
    await closing
    await expect(call(`${endpoint.url}videos`)).rejects.toThrow(/ECONNREFUSED/)
  })

  it('refuses another address than 127.0.0.1, and says which port is taken', async () => {
    await expect(proxy({ host: '0.0.0.0' })).rejects.toBeInstanceOf(InvalidInputError)
    const first = await proxy()
    await expect(proxy({ port: first.port })).rejects.toMatchObject({
      kind: 'port-in-use',
      message: `Port ${first.port} on 127.0.0.1 is already in use: choose another port.`,
    })
  })
})

describe('startProxy and request bodies', () => {
  it('sends a small body again after a 401, chunked or with a length, byte for byte', async () => {
    const upstream = await recordingUpstream((_, index) => ({ status: index % 2 === 0 ? 401 : 201 }))
    try {
      let issued = 0
      const calls: boolean[] = []
      const endpoint = await proxy({
        upstream: `${upstream.url}/api`,
        token: (fresh) => {
          calls.push(fresh)
          if (fresh) issued += 1
          return Promise.resolve(`token-${issued}`)
        },
      })
      const data = Buffer.alloc(512 * 1024, 7)
      const withLength = await call(`${endpoint.url}videos/vi1/source`, { method: 'POST', body: data })
      const chunked = await call(`${endpoint.url}videos/vi1/source`, {
        method: 'POST',
        body: Readable.from([data.subarray(0, 1000), data.subarray(1000)]),
      })
      expect([withLength.status, chunked.status]).toEqual([201, 201])
      expect(upstream.seen.map((s) => [s.method, s.url, s.bytes, s.sha256, s.headers.authorization])).toEqual(
        [
          ['POST', '/api/videos/vi1/source', data.length, sha256(data), 'Bearer token-0'],
          ['POST', '/api/videos/vi1/source', data.length, sha256(data), 'Bearer token-1'],
          ['POST', '/api/videos/vi1/source', data.length, sha256(data), 'Bearer token-1'],
          ['POST', '/api/videos/vi1/source', data.length, sha256(data), 'Bearer token-2'],
        ],
      )
    } finally {
      await upstream.close()
    }
  })

  it('streams a body over 1 MiB once, and passes a 401 to it through (then renews for the next)', async () => {
    const upstream = await recordingUpstream((_, index) => ({ status: index === 0 ? 401 : 200 }))
    try {
      const calls: boolean[] = []
      let current = 'first'
      const endpoint = await proxy({
        upstream: upstream.url,
        token: (fresh) => {
          calls.push(fresh)
          if (fresh) current = 'renewed'
          return Promise.resolve(current)
        },
      })
      const data = Buffer.alloc(3 * 1024 * 1024, 1)
      const chunked = Readable.from(
        Array.from({ length: 48 }, (_, i) => data.subarray(i * 65_536, (i + 1) * 65_536)),
      )
      const refused = await call(`${endpoint.url}upload`, { method: 'POST', body: chunked })
      expect(refused.status).toBe(401)
      expect(upstream.seen).toHaveLength(1)
      expect(upstream.seen[0]).toMatchObject({ bytes: data.length, sha256: sha256(data) })
      while (!calls.includes(true)) await new Promise((resolve) => setImmediate(resolve))
      expect((await call(`${endpoint.url}upload`, { method: 'POST', body: data })).status).toBe(200)
      expect(upstream.seen[1]?.headers.authorization).toBe('Bearer renewed')
      expect(upstream.seen[1]?.headers['content-length']).toBe(String(data.length))
    } finally {
      await upstream.close()
    }
  })

  it('stops the request upstream when the client goes away', async () => {
    const events: string[] = []
    const silent = createServer((req) => {
      events.push('arrived')
      req.socket.once('close', () => events.push('closed'))
    })
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    try {
      const upstream = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`
      const endpoint = await proxy({ upstream, token: () => Promise.resolve('t') })
      const client = request(`${endpoint.url}videos`)
      client.on('error', () => undefined)
      client.end()
      while (!events.includes('arrived')) await new Promise((resolve) => setImmediate(resolve))
      client.destroy()
      while (!events.includes('closed')) await new Promise((resolve) => setImmediate(resolve))
      expect(events).toEqual(['arrived', 'closed'])
    } finally {
      silent.closeAllConnections()
      await new Promise<void>((resolve) => silent.close(() => resolve()))
    }
  })

  it('stops the answer upstream when the client goes away in the middle of it', async () => {
    const events: string[] = []
    const endless = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' })
      new Readable({
        read() {
          this.push(Buffer.alloc(16 * 1024))
        },
      }).pipe(res)
      res.socket?.once('close', () => events.push('closed'))
    })
    await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve))
    try {
      const upstream = `http://127.0.0.1:${(endless.address() as AddressInfo).port}`
      const endpoint = await proxy({ upstream, token: () => Promise.resolve('t') })
      await new Promise<void>((resolve, reject) => {
        const client = request(`${endpoint.url}videos`, (res) => {
          res.once('data', () => {
            client.destroy()
            resolve()
          })
        })
        client.on('error', () => undefined)
        client.once('error', reject)
        client.end()
      })
      while (!events.includes('closed')) await new Promise((resolve) => setImmediate(resolve))
      expect(events).toEqual(['closed'])
    } finally {
      endless.closeAllConnections()
      await new Promise<void>((resolve) => endless.close(() => resolve()))
    }
  })

  it('cuts the client’s answer short when upstream fails in the middle of it, and keeps serving', async () => {
    let calls = 0
    const failing = createServer((_req, res) => {
      calls += 1
      if (calls === 1) {
        res.writeHead(200, { 'Content-Length': '1000' })
        res.write(Buffer.alloc(10), () => res.socket?.destroy())
      } else res.end('{"ok":true}')
    })
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve))
    try {
      const upstream = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`
      const endpoint = await proxy({ upstream, token: () => Promise.resolve('t') })
      const cut = await new Promise<{ complete: boolean; bytes: number }>((resolve) => {
        const client = request(`${endpoint.url}videos`, (res) => {
          let bytes = 0
          res.on('data', (chunk: Buffer) => (bytes += chunk.length))
          res.once('close', () => resolve({ complete: res.complete, bytes }))
          res.on('error', () => undefined)
        })
        client.on('error', () => resolve({ complete: false, bytes: -1 }))
        client.end()
      })
      expect(cut.complete).toBe(false)
      expect(cut.bytes).toBeLessThan(1000)
      const next = await call(`${endpoint.url}videos`)
      expect(next).toMatchObject({ status: 200, text: '{"ok":true}' })
    } finally {
      failing.closeAllConnections()
      await new Promise<void>((resolve) => failing.close(() => resolve()))
    }
  })

  it('answers a refused Expect: 100-continue request before its body is sent', async () => {
    const endpoint = await proxy()
    const res = await new Promise<number>((resolve, reject) => {
      const req = request(`http://127.0.0.1:${endpoint.port}/no-secret/upload`, {
        method: 'POST',
        headers: { Expect: '100-continue', 'Content-Length': String(10 * 1024 * 1024) },
      })
      req.on('continue', () => reject(new Error('the endpoint asked for the body')))
      req.on('response', (r) => resolve(r.statusCode ?? 0))
      req.on('error', reject)
      req.flushHeaders()
    })
    expect(res).toBe(403)
  })
})
