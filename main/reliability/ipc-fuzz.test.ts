import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { MemoryKeychain } from '../core/secrets/memory-keychain'
import { CredentialService } from '../core/service/service'
import { startFakeApiVideo, type FakeApiVideo } from '../fake-api/server'
import { CHANNELS, contract, type Channel } from '../ipc/contract'
import { createDispatch, type Dispatch } from '../ipc/dispatch'
import { createHandlers } from '../ipc/handlers'
import { tempDir } from '../testing/temp-dir'

/**
 * IPC fuzzing: every channel of the contract receives at least 1,000 generated malformed payloads through
 * the dispatcher main uses for every IPC call. Each must be refused as an invalid request, nothing may
 * crash or reach a handler, and no state may change.
 */

const PAYLOADS_PER_CHANNEL = 1000

/** A valid request per channel, to mutate; `Record<Channel, …>` makes a new channel add its own here. */
const VALID: Record<Channel, unknown> = {
  'app:state': undefined,
  'profiles:list': undefined,
  'profiles:add': { name: 'Beta', environment: 'sandbox', apiKey: 'key', rememberApiKey: false },
  'profiles:sign-in': { id: 'p1', apiKey: 'key', rememberApiKey: true },
  'profiles:refresh': { id: 'p1' },
  'profiles:copy': { id: 'p1', format: 'token' },
  'profiles:reveal': { id: 'p1' },
  'profiles:verify': { id: 'p1' },
  'profiles:rename': { id: 'p1', name: 'New name' },
  'profiles:remove': { id: 'p1' },
  'settings:get': undefined,
  'settings:update': { theme: 'dark', autoRefreshLeadMinutes: 7 },
  'activity:list': undefined,
  'demo:start': undefined,
  'palette:copied': undefined,
  'endpoints:start': { id: 'p1' },
  'endpoints:stop': { id: 'p1' },
  'endpoints:copy': { id: 'p1' },
}

const hugeString = fc.integer({ min: 5_000, max: 200_000 }).map((n) => 'x'.repeat(n))
const dangerousKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '__defineGetter__')

/** An object nested `depth` levels deep. */
const deep = (depth: number): unknown => {
  let value: unknown = { leaf: true }
  for (let i = 0; i < depth; i += 1) value = { nested: value }
  return value
}

/** Malformed payloads shaped around a valid one: wrong types, missing and extra fields, and worse. */
function malformed(valid: unknown): fc.Arbitrary<unknown> {
  const anything = fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
  })
  const candidates: fc.Arbitrary<unknown>[] = [
    anything,
    hugeString,
    fc.integer({ min: 10, max: 2000 }).map(deep),
    // JSON with a dangerous key, as a renderer could craft it
    fc
      .tuple(dangerousKey, fc.jsonValue())
      .map(([key, value]) => JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}}`) as unknown),
  ]
  if (typeof valid === 'object' && valid !== null) {
    const record = valid as Record<string, unknown>
    const keys = Object.keys(record)
    candidates.push(
      // one field of the wrong type
      fc.tuple(fc.constantFrom(...keys), anything).map(([key, value]) => ({ ...record, [key]: value })),
      // one field missing
      fc
        .constantFrom(...keys)
        .map((key) => Object.fromEntries(Object.entries(record).filter(([k]) => k !== key))),
      // an extra field, often a dangerous one
      fc
        .tuple(fc.oneof(dangerousKey, fc.string()), anything)
        .map(([key, value]) => ({ ...record, [key]: value })),
      // a prototype-polluting JSON body
      fc.constant(
        JSON.parse(
          `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(record[k])}`).join(',')},"__proto__":{"admin":true}}`,
        ) as unknown,
      ),
      // a huge string in a string field
      fc.tuple(fc.constantFrom(...keys), hugeString).map(([key, value]) => ({ ...record, [key]: value })),
      // deep nesting in a field
      fc
        .tuple(fc.constantFrom(...keys), fc.integer({ min: 10, max: 2000 }))
        .map(([key, depth]) => ({ ...record, [key]: deep(depth) })),
    )
  }
  return fc.oneof(...candidates)
}

let fake: FakeApiVideo
let dir: ReturnType<typeof tempDir>
let keychain: MemoryKeychain
let service: CredentialService
let dispatch: Dispatch
const clipboard: string[] = []
const settingsApplied = vi.fn(() => Promise.resolve())
const startDemo = vi.fn(() => Promise.reject(new Error('not in this test')))
const endpointCalls = vi.fn()
const endpoints = {
  start: (id: string) => (endpointCalls('start', id), Promise.reject(new Error('not in this test'))),
  stop: (id: string) => (endpointCalls('stop', id), Promise.resolve()),
  urlOf: (id: string) => (endpointCalls('urlOf', id), 'http://127.0.0.1:1/secret/'),
  running: () => ({}),
}
const unexpected = vi.fn()

beforeAll(async () => {
  fake = await startFakeApiVideo({ apiKeys: ['key'] })
  dir = tempDir()
  keychain = new MemoryKeychain()
  service = new CredentialService({ dataDir: dir.path, keychain })
  await service.start()
  await service.add({ name: 'Acme', environment: fake.url, apiKey: 'key' })
  dispatch = createDispatch(
    createHandlers({
      service,
      clipboard: { copy: (text) => (clipboard.push(text), Promise.resolve(null)) },
      endpoints,
      appState: () => ({
        version: '1',
        platform: 'test',
        problems: [],
        shortcutError: null,
        demoRunning: false,
        endpoints: {},
      }),
      settingsApplied,
      startDemo,
      paletteCopied: () => undefined,
    }),
    unexpected,
  )
})
afterAll(async () => {
  service.stop()
  await fake.close()
  dir.remove()
})

/** Everything a malformed request must leave exactly as it was. */
async function state(): Promise<unknown> {
  return {
    profiles: await service.list(),
    settings: service.settings(),
    activity: service.activity().length,
    keychain: [...keychain.entries],
    requests: fake.requests.length,
    clipboard: [...clipboard],
    applied: settingsApplied.mock.calls.length,
    demos: startDemo.mock.calls.length,
    endpoints: endpointCalls.mock.calls.length,
  }
}

describe('IPC fuzzing', () => {
  it.each(CHANNELS)(
    `%s refuses ${PAYLOADS_PER_CHANNEL} malformed payloads and changes nothing`,
    async (channel) => {
      const before = await state()
      const schema = contract[channel].request
      const payloads = fc
        .sample(malformed(VALID[channel]), { numRuns: PAYLOADS_PER_CHANNEL * 3, seed: 20261201 })
        .filter((payload) => !schema.safeParse(payload).success)
        .slice(0, PAYLOADS_PER_CHANNEL)
      expect(payloads).toHaveLength(PAYLOADS_PER_CHANNEL)
      for (const payload of payloads) {
        const result = await dispatch(channel, payload)
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.error.kind).toBe('invalid-request')
      }
      expect(unexpected).not.toHaveBeenCalled()
      expect(await state()).toEqual(before)
    },
  )

  it('the valid templates pass, so the refusals above are the schema’s doing', () => {
    for (const channel of CHANNELS)
      expect(contract[channel].request.safeParse(VALID[channel]).success, channel).toBe(true)
  })

  it('refuses unknown and malformed channel names', async () => {
    for (const name of fc.sample(fc.oneof(fc.string(), hugeString, dangerousKey), {
      numRuns: PAYLOADS_PER_CHANNEL,
      seed: 7,
    })) {
      if (Object.hasOwn(contract, name)) continue
      const result = await dispatch(name, {})
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })
    }
  })
})
