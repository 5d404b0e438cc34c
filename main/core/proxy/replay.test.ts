import { describe, expect, it } from 'vitest'
import { planBody, REPLAY_LIMIT } from './replay'

describe('planBody', () => {
  it.each([
    [undefined, undefined, { kind: 'none' }],
    ['0', undefined, { kind: 'none' }],
    ['12', undefined, { kind: 'buffer', length: 12 }],
    [String(REPLAY_LIMIT), undefined, { kind: 'buffer', length: REPLAY_LIMIT }],
    [String(REPLAY_LIMIT + 1), undefined, { kind: 'stream' }],
    [String(200 * 1024 * 1024), undefined, { kind: 'stream' }],
    [undefined, 'chunked', { kind: 'probe' }],
    ['12', 'chunked', { kind: 'probe' }],
    ['twelve', undefined, { kind: 'stream' }],
    ['-1', undefined, { kind: 'stream' }],
  ])('Content-Length %s, Transfer-Encoding %s → %j', (contentLength, transferEncoding, plan) => {
    expect(planBody({ contentLength, transferEncoding })).toEqual(plan)
  })

  it('keeps one MiB replayable', () => {
    expect(REPLAY_LIMIT).toBe(1_048_576)
  })
})
