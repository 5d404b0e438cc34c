/** Documented api.video bodies, byte for byte where the documentation gives them. */

/** The documented body for a wrong API key and for a used or unknown refresh token (spec: 400). */
export function invalidCredentialsBody(status: 400 | 401, route: 'auth/api-key' | 'auth/refresh'): object {
  if (status === 400) {
    return {
      type: 'https://docs.api.video/reference/authentication-invalid-user-credentials',
      title: 'The user credentials were incorrect.',
      name: '',
      status: 400,
    }
  }
  // The error reference pages describe 401 with these titles.
  return {
    type: 'https://docs.api.video/reference/authentication-invalid-user-credentials',
    title: route === 'auth/api-key' ? 'The API key is invalid.' : 'The refresh token is invalid.',
    name: '',
    status: 401,
  }
}

/** A request body without the required field, or with the wrong type. */
export function invalidAttributeBody(name: string): object {
  return {
    type: 'https://docs.api.video/reference/invalid-attribute',
    title: 'This attribute is required.',
    name,
    status: 400,
  }
}

/** An API route with an expired, unknown or missing bearer token, or no usable `Authorization` header. */
export const invalidAccessTokenBody = {
  type: 'https://docs.api.video/reference/authentication-invalid-access-token',
  title: 'The access token is invalid or has expired.',
  name: '',
  status: 401,
}

/** The documented 429 body. */
export const tooManyRequestsBody = {
  type: 'https://docs.api.video/reference/too-many-requests',
  title: 'Too many requests.',
  status: 429,
}

/** `GET /videos` with a page or page size out of range, as documented. */
export function pageOutOfRangeBody(): object {
  return {
    title: 'This parameter is out of the allowed range of values.',
    name: 'pageSize',
    status: 400,
    range: { min: 10, max: 100 },
    problems: [
      { title: 'This parameter is out of the allowed range of values.', name: 'page', range: { min: 1 } },
      {
        title: 'This parameter is out of the allowed range of values.',
        name: 'pageSize',
        range: { min: 10, max: 100 },
      },
    ],
  }
}

/** Any other path. */
export const notFoundBody = {
  type: 'https://docs.api.video/reference/resource-not-found',
  title: 'The requested resource was not found.',
  name: '',
  status: 404,
}

/** A known path with the wrong method. */
export const methodNotAllowedBody = {
  type: 'https://docs.api.video/reference/method-not-allowed',
  title: 'This method is not allowed on this resource.',
  name: '',
  status: 405,
}

/** `/videos/{videoId}…` for a video the project does not have (documented example, `name: videoId`). */
export const videoNotFoundBody = { ...notFoundBody, name: 'videoId' }

/** The upload's documented 400 problems (their `type` links as the OpenAPI document gives them). */
export const uploadProblems = {
  alreadyUploaded: {
    type: 'https://docs.api.video/docs/filealreadyuploaded',
    title: 'The source of the video is already uploaded.',
    name: 'file',
    status: 400,
  },
  fileMissing: {
    type: 'https://docs.api.video/docs/filemissing',
    title: 'There is no uploaded file in the request.',
    name: 'file',
    status: 400,
  },
  multipleFiles: {
    type: 'https://docs.api.video/docs/multiplefilesuploaded',
    title: 'There is more than one uploaded file in the request.',
    name: 'file',
    status: 400,
  },
  // Not documented: the shape of the other attribute problems, for a header the fake cannot read.
  badContentRange: {
    type: 'https://docs.api.video/reference/invalid-attribute',
    title: 'This attribute is invalid.',
    name: 'Content-Range',
    status: 400,
  },
} as const

/** What a video object is made of; the rest of the documented shape is derived. */
export interface VideoFields {
  readonly videoId: string
  readonly title: string
  readonly description: string
  readonly public: boolean
  readonly tags: readonly string[]
  readonly metadata: readonly { readonly key: string; readonly value: string }[]
  /** ISO 8601. */
  readonly createdAt: string
}

/** A video object, shaped as the documented example (OpenAPI `video`). */
export function videoObject(fields: VideoFields): Record<string, unknown> {
  const id = fields.videoId
  return {
    videoId: id,
    title: fields.title,
    description: fields.description,
    language: 'en',
    languageOrigin: 'api',
    public: fields.public,
    panoramic: false,
    mp4Support: true,
    tags: fields.tags,
    metadata: fields.metadata,
    createdAt: fields.createdAt,
    publishedAt: fields.createdAt,
    updatedAt: fields.createdAt,
    discarded: false,
    discardedAt: null,
    deletesAt: null,
    source: { uri: `/videos/${id}/source` },
    assets: {
      iframe: `<iframe src="https://embed.api.video/vod/${id}" width="100%" height="100%" frameborder="0" scrolling="no" allowfullscreen=""></iframe>`,
      player: `https://embed.api.video/vod/${id}`,
      hls: `https://cdn.api.video/vod/${id}/hls/manifest.m3u8`,
      thumbnail: `https://cdn.api.video/vod/${id}/thumbnail.jpg`,
      mp4: `https://cdn.api.video/vod/${id}/mp4/source.mp4`,
    },
  }
}

/** One of the videos a fake project starts with. */
export function fakeVideo(index: number): Record<string, unknown> {
  return videoObject({
    videoId: `vi${String(index).padStart(4, '0')}FakeVideoFakeVideo`,
    title: `Demo video ${index}`,
    description: 'A video served by the fake api.video server.',
    public: true,
    tags: ['demo'],
    metadata: [{ key: 'Source', value: 'fake-api' }],
    createdAt: '2026-01-01T00:00:00+00:00',
  })
}
