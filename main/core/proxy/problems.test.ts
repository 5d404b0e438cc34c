import { describe, expect, it } from 'vitest'
import { ApiError } from '../apivideo/api-error'
import { AppError, InvalidInputError } from '../errors'
import { NeedsSignInError } from '../sessions/session-types'
import { problemBody, problemForTokenError, upstreamUnreachable } from './problems'

describe('problem bodies', () => {
  it('are one line of JSON shaped like api.video’s errors', () => {
    const body = problemBody({ status: 401, title: 'Profile acme needs "avcm sign-in acme".' })
    expect(body).not.toContain('\n')
    expect(JSON.parse(body)).toEqual({
      type: 'about:blank',
      title: 'Profile acme needs "avcm sign-in acme".',
      status: 401,
    })
  })

  it('say the profile must sign in again with 401 and the caller’s words', () => {
    const message = 'Profile acme must sign in again: run avcm sign-in acme.'
    expect(problemForTokenError(new NeedsSignInError(message))).toEqual({ status: 401, title: message })
    expect(problemForTokenError(new ApiError('credentials-rejected', 'refresh', 'Rejected.'))).toMatchObject({
      status: 401,
    })
  })

  it('answer 503 when api.video or the keychain is unavailable, with Retry-After when limited', () => {
    for (const kind of ['network', 'timeout', 'server'] as const) {
      expect(problemForTokenError(new ApiError(kind, 'refresh', 'Down.'))).toEqual({
        status: 503,
        title: 'Down.',
      })
    }
    expect(problemForTokenError(new AppError('keychain-unavailable', 'Locked.'))).toMatchObject({
      status: 503,
    })
    expect(
      problemForTokenError(new ApiError('rate-limited', 'refresh', 'Slow down.', { retryAfterMs: 1500 })),
    ).toEqual({ status: 503, title: 'Slow down.', headers: { 'Retry-After': '2' } })
  })

  it('answer 502 for other api.video failures, 500 for what is not an AppError', () => {
    expect(problemForTokenError(new ApiError('invalid-response', 'refresh', 'Odd answer.'))).toMatchObject({
      status: 502,
    })
    expect(problemForTokenError(new InvalidInputError('Bad.'))).toMatchObject({ status: 502 })
    expect(problemForTokenError(new Error('boom'))).toEqual({
      status: 500,
      title: 'The local endpoint failed to get a token.',
    })
  })

  it('name the host that could not be reached and why', () => {
    const refused = Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })
    expect(upstreamUnreachable('127.0.0.1:9', refused)).toEqual({
      status: 502,
      title:
        'The local endpoint could not reach 127.0.0.1:9: the connection was refused (is the address right, and is the service up?).',
    })
  })
})
