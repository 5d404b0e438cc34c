import ApiVideoClient from '@api.video/nodejs-client'
import AdvancedAuthenticationApi from '@api.video/nodejs-client/lib/api/AdvancedAuthenticationApi'
import HttpClient from '@api.video/nodejs-client/lib/HttpClient'
import RefreshTokenPayload from '@api.video/nodejs-client/lib/model/RefreshTokenPayload'
import VideoCreationPayload from '@api.video/nodejs-client/lib/model/VideoCreationPayload'
import { createHash, randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../testing/temp-dir'
import { startFakeApiVideo, type FakeApiVideo } from './server'

/**
 * The vendor's own client (`@api.video/nodejs-client` 2.6) against the fake: the reference for what the fake
 * server, and later the local proxy, must accept. What it sends was read from its source and checked here:
 * the API key as Basic auth (`base64(key + ':')`) on every call, `/auth/api-key` included; uploads as
 * `multipart/form-data` with a Content-Length, the file in a part named after the file's base name; files
 * larger than `chunkSize` (default 50 MiB, at least 5 MiB) as one request per chunk with
 * `Content-Range: part N/M`.
 */
let fake: FakeApiVideo
let client: ApiVideoClient
let dir: ReturnType<typeof tempDir>
const KEY = 'vendor-key'

beforeEach(async () => {
  fake = await startFakeApiVideo({ apiKeys: [KEY] })
  client = new ApiVideoClient({ apiKey: KEY, baseUri: fake.url, chunkSize: 5 * 1024 * 1024 })
  dir = tempDir()
})
afterEach(async () => {
  dir.remove()
  await fake.close()
})

/** The client's refresh is not on `ApiVideoClient`; its generated `AdvancedAuthenticationApi` has it. */
const authenticationApi = () =>
  new AdvancedAuthenticationApi(new HttpClient({ baseUri: fake.url, chunkSize: 5 * 1024 * 1024 }))

/** The client's payload classes, filled as its README's object literals would be. */
const videoPayload = (title: string) => Object.assign(new VideoCreationPayload(), { title })
const refreshPayload = (refreshToken: string | undefined) => {
  if (refreshToken === undefined) throw new Error('no refresh token was issued')
  return Object.assign(new RefreshTokenPayload(), { refreshToken })
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe('the official Node client', () => {
  it('lists videos with Basic auth, and the fake logs the scheme and the key', async () => {
    const page = await client.videos.list({ currentPage: 1, pageSize: 10 })
    expect(page.data.map((video) => video.videoId)).toHaveLength(3)
    expect(page.data[0]?.assets?.player).toMatch(/^https:\/\/embed\.api\.video\//)
    expect(page.pagination.itemsTotal).toBe(3)
    expect(page.pagination.links.map((link) => link.rel)).toEqual(['self', 'first', 'last'])
    const [listed] = fake.requestsTo('videos')
    expect(listed).toMatchObject({ auth: 'basic', apiKey: KEY, result: 200 })
    expect(listed?.bearer).toBeUndefined()
  })

  it('is refused with a wrong key: 401 and the documented title', async () => {
    const stranger = new ApiVideoClient({ apiKey: 'not-a-key', baseUri: fake.url })
    const error = (await stranger.videos.list().catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe(401)
    expect(error.problemDetails?.title).toBe('The API key is invalid.')
  })

  it('creates a video, uploads a file, and the fake received exactly the file', async () => {
    const path = join(dir.path, 'clip.mp4')
    const bytes = randomBytes(3 * 1024 * 1024 + 123)
    await writeFile(path, bytes)

    const created = await client.videos.create(videoPayload('Vendor upload'))
    expect(created.videoId).toMatch(/^vi/)
    const uploaded = await client.videos.upload(created.videoId, path)
    expect(uploaded.videoId).toBe(created.videoId)
    expect(uploaded.title).toBe('Vendor upload')
    expect(uploaded.source?.uri).toBe(`/videos/${created.videoId}/source`)

    const [request] = fake.requestsTo('videos/source')
    expect(request).toMatchObject({ auth: 'basic', apiKey: KEY, result: 201, videoId: created.videoId })
    expect(request?.upload).toMatchObject({ framing: 'content-length', multipartComplete: true })
    expect(request?.upload?.contentRange).toBeUndefined()
    expect(request?.upload?.file).toEqual({
      field: 'clip.mp4',
      filename: 'clip.mp4',
      contentType: 'video/mp4',
      bytes: bytes.length,
      sha256: sha256(bytes),
    })
    expect(fake.sourceOf(created.videoId)).toEqual({
      bytes: bytes.length,
      parts: 1,
      complete: true,
      sha256: sha256(bytes),
    })
    const fetched = await client.videos.get(created.videoId)
    expect(fetched.title).toBe('Vendor upload')
  })

  it('uploads a file larger than its chunk size as ordered parts the fake reassembles', async () => {
    const path = join(dir.path, 'long.mov')
    const bytes = randomBytes(12 * 1024 * 1024)
    await writeFile(path, bytes)
    const { videoId } = await client.videos.create(videoPayload('Chunked'))

    await client.videos.upload(videoId, path)

    const parts = fake.requestsTo('videos/source')
    expect(parts.map((part) => part.upload?.contentRange)).toEqual(['part 1/3', 'part 2/3', 'part 3/3'])
    expect(parts.map((part) => part.result)).toEqual([201, 201, 201])
    expect(parts.map((part) => part.upload?.source?.complete)).toEqual([false, false, true])
    expect(fake.sourceOf(videoId)).toEqual({
      bytes: bytes.length,
      parts: 3,
      complete: true,
      sha256: sha256(bytes),
    })
  })

  it('refuses a second upload to the same video, as api.video documents', async () => {
    const path = join(dir.path, 'once.mp4')
    await writeFile(path, randomBytes(1000))
    const { videoId } = await client.videos.create(videoPayload('Once'))
    await client.videos.upload(videoId, path)
    const error = (await client.videos.upload(videoId, path).catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe(400)
    expect(error.problemDetails?.title).toBe('The source of the video is already uploaded.')
  })

  it('gets tokens with getAccessToken(): POST /auth/api-key, with the key in the body and as Basic', async () => {
    const tokens = await client.getAccessToken()
    expect(tokens.tokenType).toBe('Bearer')
    expect(tokens.expiresIn).toBe(3600)
    const [signIn] = fake.requestsTo('auth/api-key')
    expect(signIn).toMatchObject({ auth: 'basic', apiKey: KEY, result: 200 })
    // The client never sends the bearer token itself; the fake accepts it on the API routes all the same.
    const listed = await fetch(`${fake.url}/videos`, {
      headers: { Authorization: `Bearer ${tokens.accessToken}` },
    })
    expect(listed.status).toBe(200)
    expect(fake.requestsTo('videos').at(-1)?.auth).toBe('bearer')
  })

  it('refreshes with its AdvancedAuthenticationApi, and a reused refresh token is refused', async () => {
    const first = await client.getAccessToken()
    const auth = authenticationApi()
    const second = await auth.refresh(refreshPayload(first.refreshToken))
    expect(second.refreshToken).not.toBe(first.refreshToken)
    expect(second.accessToken).not.toBe(first.accessToken)

    const error = (await auth
      .refresh(refreshPayload(first.refreshToken))
      .catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe(400)
    expect(error.problemDetails?.title).toBe('The user credentials were incorrect.')
    expect(fake.requestsTo('auth/refresh').map((r) => [r.refreshOutcome, r.auth])).toEqual([
      ['rotated', 'none'],
      ['reused', 'none'],
    ])
  })
})

/** `ApiVideoError` keeps the status and the problem in fields its typings mark private. */
interface ApiError {
  readonly code?: number
  readonly problemDetails?: { readonly title?: string }
}
