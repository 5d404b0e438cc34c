import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { basicAuthorization, startFakeApiVideo, type FakeApiVideo } from './server'

let fake: FakeApiVideo
const now = { value: 1_700_000_000_000 }

beforeEach(async () => {
  now.value = 1_700_000_000_000
  fake = await startFakeApiVideo({ apiKeys: ['key-1'], clock: { now: () => now.value } })
})
afterEach(() => fake.close())

const basic = (key = 'key-1') => ({ Authorization: basicAuthorization(key) })
const list = (headers: Record<string, string>) => fetch(`${fake.url}/videos`, { headers })
const create = (headers: Record<string, string>, body: unknown) =>
  fetch(`${fake.url}/videos`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
const bearerFor = async (apiKey = 'key-1') => {
  const response = await fetch(`${fake.url}/auth/api-key`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ apiKey }),
  })
  const { access_token } = (await response.json()) as { access_token: string }
  return { Authorization: `Bearer ${access_token}` }
}

describe('Basic auth on the API routes', () => {
  it('accepts the API key as user name with an empty password, as curl -u key: sends it', async () => {
    expect(basicAuthorization('key-1')).toBe(`Basic ${Buffer.from('key-1:').toString('base64')}`)
    const response = await list(basic())
    expect(response.status).toBe(200)
    expect(fake.requestsTo('videos')[0]).toMatchObject({ auth: 'basic', apiKey: 'key-1', result: 200 })
  })

  it('answers a key it does not know with 401 and the documented problem', async () => {
    const response = await list(basic('nope'))
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      type: 'https://docs.api.video/reference/authentication-invalid-user-credentials',
      title: 'The API key is invalid.',
      name: '',
      status: 401,
    })
  })

  it('refuses a known key with a password, or without the colon', async () => {
    const withPassword = `Basic ${Buffer.from('key-1:secret').toString('base64')}`
    const withoutColon = `Basic ${Buffer.from('key-1').toString('base64')}`
    expect((await list({ Authorization: withPassword })).status).toBe(401)
    expect((await list({ Authorization: withoutColon })).status).toBe(401)
    expect(JSON.stringify(fake.requests)).not.toContain('secret')
  })

  it('stops accepting a removed key at once', async () => {
    fake.removeApiKey('key-1')
    expect((await list(basic())).status).toBe(401)
  })

  it('still accepts bearer tokens, and logs which scheme each request used', async () => {
    expect((await list(await bearerFor())).status).toBe(200)
    expect((await list({ Authorization: 'Digest x' })).status).toBe(401)
    expect((await list({ Authorization: '' })).status).toBe(401)
    expect(fake.requestsTo('videos').map((r) => [r.auth, r.result])).toEqual([
      ['bearer', 200],
      ['other', 401],
      ['none', 401],
    ])
  })

  it('leaves the auth routes as they were: the body decides, a Basic header is only logged', async () => {
    const response = await fetch(`${fake.url}/auth/api-key`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...basic('nope') },
      body: JSON.stringify({ apiKey: 'key-1' }),
    })
    expect(response.status).toBe(200)
    expect(fake.requestsTo('auth/api-key')[0]).toMatchObject({ auth: 'basic', apiKey: 'key-1' })
  })
})

describe('POST /videos, GET /videos/{videoId}', () => {
  it('creates a video (201) that GET /videos/{id} and the list then return', async () => {
    const response = await create(basic(), { title: 'Holiday', tags: ['beach'], public: false })
    expect(response.status).toBe(201)
    const video = (await response.json()) as Record<string, unknown> & { videoId: string }
    expect(video).toMatchObject({
      title: 'Holiday',
      tags: ['beach'],
      public: false,
      createdAt: new Date(now.value).toISOString(),
      source: { uri: `/videos/${video.videoId}/source` },
    })
    expect(video.videoId).toMatch(/^vi[A-Za-z0-9]{22}$/)

    const fetched = await fetch(`${fake.url}/videos/${video.videoId}`, { headers: await bearerFor() })
    expect(fetched.status).toBe(200)
    expect(await fetched.json()).toEqual(video)
    const listed = (await (await list(basic())).json()) as { data: { videoId: string }[] }
    expect(listed.data.map((v) => v.videoId)).toContain(video.videoId)
    expect(fake.requestsTo('videos/get')[0]).toMatchObject({ videoId: video.videoId, auth: 'bearer' })
    expect(fake.requestsTo('videos/create')).toHaveLength(1)
    expect(fake.requestsTo('videos')).toHaveLength(1)
  })

  it('requires a title, as the spec’s 400 example says', async () => {
    const response = await create(basic(), { description: 'untitled' })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ name: 'title', status: 400 })
  })

  it('requires auth to create, and answers an unknown video with 404 naming videoId', async () => {
    expect((await create(basic('nope'), { title: 'x' })).status).toBe(401)
    const missing = await fetch(`${fake.url}/videos/viUnknown`, { headers: basic() })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ name: 'videoId', status: 404 })
  })

  it('answers other methods with 405 and the allowed ones', async () => {
    const response = await fetch(`${fake.url}/videos`, { method: 'DELETE', headers: basic() })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, POST')
    expect(fake.requestsTo('videos').at(-1)?.result).toBe(405)
  })

  it('counts GET /videos/{id} against the same read limit as the list', async () => {
    await fake.close()
    fake = await startFakeApiVideo({ apiKeys: ['key-1'], readsPerMinute: 2, clock: { now: () => now.value } })
    const id = fake.createVideo({ title: 'Limited' })
    expect((await list(basic())).status).toBe(200)
    expect((await fetch(`${fake.url}/videos/${id}`, { headers: basic() })).status).toBe(200)
    const limited = await fetch(`${fake.url}/videos/${id}`, { headers: basic() })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
  })

  it('takes faults per operation: a fault on the list leaves creation alone', async () => {
    fake.inject('videos', { kind: 'status', status: 503 })
    expect((await create(basic(), { title: 'Fine' })).status).toBe(201)
    expect((await list(basic())).status).toBe(503)
    fake.inject('videos/get', { kind: 'status', status: 500 })
    expect((await fetch(`${fake.url}/videos/${fake.createVideo()}`, { headers: basic() })).status).toBe(500)
  })
})
