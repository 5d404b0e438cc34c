import ApiVideoClient from '@api.video/nodejs-client'
import VideoCreationPayload from '@api.video/nodejs-client/lib/model/VideoCreationPayload'
import { createHash, randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, expect, it } from 'vitest'
import { startAvcmProxy, type AvcmProxy } from '../testing/avcm-proxy'
import { cliProfile, type CliProfile } from '../testing/cli-profile'
import { tempDir } from '../testing/temp-dir'

/**
 * api.video's own Node client, built with no API key and the local endpoint as its base URI: every call it
 * makes carries no credential at all, and `avcm proxy` adds a fresh bearer token, across token expiries.
 */
let setup: CliProfile | undefined
let proxy: AvcmProxy | undefined
const dir = tempDir()
afterEach(async () => {
  await proxy?.stop('SIGKILL')
  await setup?.close()
})
afterAll(() => dir.remove())

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

it(
  'lists and uploads through avcm proxy with no key, while its tokens expire every 4 seconds',
  { timeout: 60_000 },
  async () => {
    setup = await cliProfile({ accessTokenLifetimeSeconds: 4, readsPerMinute: 100_000 })
    proxy = await startAvcmProxy(['acme'], setup.env)
    const client = new ApiVideoClient({ baseUri: proxy.url, chunkSize: 5 * 1024 * 1024 })
    const path = join(dir.path, 'clip.mp4')
    const bytes = randomBytes(6 * 1024 * 1024)
    await writeFile(path, bytes)

    const started = Date.now()
    const uploaded: string[] = []
    // Keep working until well past two token lifetimes: every call must succeed across the expiries.
    while (Date.now() - started < 10_000) {
      const page = await client.videos.list({ currentPage: 1, pageSize: 10 })
      expect(page.pagination.itemsTotal).toBeGreaterThanOrEqual(3)
      const { videoId } = await client.videos.create(
        Object.assign(new VideoCreationPayload(), { title: 'Job' }),
      )
      await client.videos.upload(videoId, path)
      expect(setup.fake.sourceOf(videoId)).toMatchObject({ complete: true, sha256: sha256(bytes) })
      uploaded.push(videoId)
    }

    const api = setup.fake.requests.filter((r) => r.route === 'videos' || r.route.startsWith('videos/'))
    expect(api.length).toBeGreaterThan(uploaded.length * 3)
    // Every call reached api.video with a bearer token the engine got, never with a key or nothing.
    expect(api.every((r) => r.auth === 'bearer' && r.result !== 401)).toBe(true)
    expect(new Set(api.map((r) => r.bearer)).size).toBeGreaterThanOrEqual(3)
    expect(setup.fake.requestsTo('auth/refresh').length).toBeGreaterThanOrEqual(2)
  },
)
