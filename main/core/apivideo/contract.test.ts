import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { fileURLToPath } from 'node:url'
import { OpenAPIBackend } from 'openapi-backend'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeApiVideo, type FakeApiVideo } from '../../fake-api/server'
import { createApiVideoClient, type ApiVideoClient } from './client'

/**
 * The OpenAPI excerpt (copied from api.video's official document) is the referee: the client's requests must
 * match its request schemas and every answer of the fake server must match its response schema.
 */
const specPath = fileURLToPath(new URL('./openapi-auth.yaml', import.meta.url))
const api = new OpenAPIBackend({
  definition: specPath,
  quick: false,
  strict: true,
  validate: true,
  customizeAjv: (ajv) => {
    addFormats(ajv)
    return ajv
  },
})

/** Statuses the excerpt documents per operation; others are validated against the generic problem shape. */
const OPERATION: Record<string, string> = {
  '/auth/api-key': 'POST_auth-api-key',
  '/auth/refresh': 'POST_auth-refresh',
  '/videos': 'LIST-videos',
}

interface Exchange {
  readonly method: string
  readonly path: string
  readonly query: string
  readonly requestBody: string | undefined
  readonly status: number
  readonly responseBody: unknown
}

let fake: FakeApiVideo
let client: ApiVideoClient
const exchanges: Exchange[] = []

/** Observes what the real client sends and receives, over the real network, without changing it. */
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init)
  const url = new URL(input instanceof Request ? input.url : input.toString())
  const text = await response.clone().text()
  let responseBody: unknown = text
  try {
    responseBody = JSON.parse(text)
  } catch {
    // not JSON: kept as text
  }
  exchanges.push({
    method: init?.method ?? 'GET',
    path: url.pathname,
    query: url.search,
    requestBody: typeof init?.body === 'string' ? init.body : undefined,
    status: response.status,
    responseBody,
  })
  return response
}

beforeAll(async () => {
  await api.init()
  fake = await startFakeApiVideo({ apiKeys: ['contract-key'] })
  client = createApiVideoClient({ baseUrl: fake.url, fetch: recordingFetch })
})
afterAll(() => fake.close())

/** The spec's generic problem shape (`bad-request`), for statuses an operation does not document. */
function problemValidator() {
  const schemas = (api.document.components?.schemas ?? {}) as Record<string, object>
  const ajv = new Ajv({ strict: false })
  ajv.addSchema({ components: { schemas } }, 'spec')
  return ajv.compile({ $ref: 'spec#/components/schemas/bad-request' })
}

function expectMatchesSpec(exchange: Exchange): void {
  const operationId = OPERATION[exchange.path]
  if (operationId === undefined) throw new Error(`no operation for ${exchange.path}`)
  const operation = api.getOperation(operationId)
  const documented = Object.keys(operation?.responses ?? {}).map(Number)
  if (documented.includes(exchange.status)) {
    const result = api.validateResponse(exchange.responseBody, operationId, exchange.status)
    expect(result.errors, `${exchange.path} ${exchange.status}`).toBeNull()
  } else {
    const validate = problemValidator()
    expect(exchange.status, 'an undocumented status is still an error').toBeGreaterThanOrEqual(400)
    expect(validate(exchange.responseBody), JSON.stringify(validate.errors)).toBe(true)
    expect(exchange.responseBody).toMatchObject({
      status: exchange.status,
      title: expect.any(String) as unknown,
    })
  }
}

describe('the client’s requests match the request schemas', () => {
  it('sign in, refresh and verify', async () => {
    exchanges.length = 0
    const grant = await client.authenticate('contract-key')
    await client.refresh(grant.refreshToken)
    const second = await client.authenticate('contract-key')
    await client.verify(second.accessToken)
    expect(exchanges.map((e) => `${e.method} ${e.path}`)).toEqual([
      'POST /auth/api-key',
      'POST /auth/refresh',
      'POST /auth/api-key',
      'GET /videos',
    ])
    for (const exchange of exchanges) {
      const result = api.validateRequest({
        method: exchange.method,
        path: `${exchange.path}${exchange.query}`,
        headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
        ...(exchange.requestBody === undefined ? {} : { body: JSON.parse(exchange.requestBody) as unknown }),
      })
      expect(result.errors, `${exchange.method} ${exchange.path}`).toBeNull()
    }
  })

  it('bites: a snake_case body {"api_key": …} is rejected', () => {
    const result = api.validateRequest({
      method: 'POST',
      path: '/auth/api-key',
      headers: { 'content-type': 'application/json' },
      body: { api_key: 'contract-key' },
    })
    expect(result.valid).toBe(false)
    expect(JSON.stringify(result.errors)).toContain('apiKey')
  })

  it('bites: a response without the documented types is rejected', () => {
    const result = api.validateResponse({ access_token: 1, expires_in: '3600' }, 'POST_auth-api-key', 200)
    expect(result.valid).toBe(false)
  })
})

describe('every answer of the fake server matches its response schema', () => {
  const post = (path: string, body: unknown) =>
    recordingFetch(`${fake.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })

  it.each([
    ['application/json', 400],
    ['application/problem+json', 400],
    ['application/json', 401],
    ['application/problem+json', 401],
  ] as const)('success and errors, with %s errors answered %i', async (type, rejectStatus) => {
    fake.setErrorContentType(type)
    fake.setRejectStatus(rejectStatus)
    exchanges.length = 0
    const grant = await client.authenticate('contract-key')
    await client.refresh(grant.refreshToken)
    await post('/auth/refresh', { refreshToken: grant.refreshToken }) // reused
    await post('/auth/refresh', { refreshToken: 'unknown' })
    await post('/auth/api-key', { apiKey: 'wrong' })
    await post('/auth/api-key', { api_key: 'contract-key' })
    await recordingFetch(`${fake.url}/videos?currentPage=1&pageSize=10`, {
      headers: { Authorization: `Bearer ${(await client.authenticate('contract-key')).accessToken}` },
    })
    await recordingFetch(`${fake.url}/videos?currentPage=1&pageSize=5`, {
      headers: { Authorization: `Bearer ${(await client.authenticate('contract-key')).accessToken}` },
    })
    await recordingFetch(`${fake.url}/videos`, { headers: { Authorization: 'Bearer expired' } })
    expect(new Set(exchanges.map((e) => e.status))).toEqual(new Set([200, 400, rejectStatus, 401]))
    for (const exchange of exchanges) expectMatchesSpec(exchange)
  })

  it('the 429 of GET /videos', async () => {
    const limited = await startFakeApiVideo({ apiKeys: ['k'], readsPerMinute: 1 })
    try {
      const c = createApiVideoClient({ baseUrl: limited.url, fetch: recordingFetch })
      const token = (await c.authenticate('k')).accessToken
      exchanges.length = 0
      await c.verify(token)
      await c.verify(token).catch(() => undefined)
      expect(exchanges.map((e) => e.status)).toEqual([200, 429])
      for (const exchange of exchanges) expectMatchesSpec(exchange)
    } finally {
      await limited.close()
    }
  })
})
