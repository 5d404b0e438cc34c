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

/** `GET /videos` with an expired, unknown or missing bearer token. */
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

/** One video object, shaped as the documented example. */
export function fakeVideo(index: number): object {
  const id = `vi${String(index).padStart(4, '0')}FakeVideoFakeVideo`
  return {
    videoId: id,
    title: `Demo video ${index}`,
    description: 'A video served by the fake api.video server.',
    language: 'en',
    languageOrigin: 'api',
    public: true,
    panoramic: false,
    mp4Support: true,
    tags: ['demo'],
    metadata: [{ key: 'Source', value: 'fake-api' }],
    createdAt: '2026-01-01T00:00:00+00:00',
    publishedAt: '2026-01-01T00:00:00+00:00',
    updatedAt: '2026-01-01T00:00:00+00:00',
    discarded: false,
    discardedAt: null,
    deletesAt: null,
    source: { uri: `/videos/${id}/source` },
    assets: {
      player: `https://embed.api.video/vod/${id}`,
      hls: `https://cdn.api.video/vod/${id}/hls/manifest.m3u8`,
      thumbnail: `https://cdn.api.video/vod/${id}/thumbnail.jpg`,
      mp4: `https://cdn.api.video/vod/${id}/mp4/source.mp4`,
    },
  }
}
