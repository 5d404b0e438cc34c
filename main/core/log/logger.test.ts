import { afterEach, describe, expect, it, vi } from 'vitest'
import { TokenBook } from '../../fake-api/tokens'
import { AppError } from '../errors'
import { createLogger } from './logger'
import { REDACTED } from './redact'

const { accessToken: ACCESS_TOKEN, refreshToken: REFRESH_TOKEN } = new TokenBook(() => 0).issue('k', 60)
const API_KEY = 'Xo9v3PZ1bQf2TqW7kLm4Nc8Rs5Yh6Ud0Ja3Ge2Vi9Kp'

function capture(prefix?: string) {
  const written: string[] = []
  const log = createLogger({
    write: (text) => void written.push(text),
    ...(prefix === undefined ? {} : { prefix }),
  })
  return { log, written, text: () => written.join('') }
}

afterEach(() => vi.restoreAllMocks())

describe('createLogger', () => {
  it('redacts a token in an error’s message, and keeps the rest of the message and its stack frames', () => {
    const { log, text } = capture()
    log.error(new Error(`Refresh of acme failed with ${ACCESS_TOKEN}`))
    expect(text()).not.toContain(ACCESS_TOKEN)
    expect(text()).toContain(`Error: Refresh of acme failed with ${REDACTED}`)
    expect(text()).toMatch(/\n {4}at .*logger\.test\.ts:\d+:\d+/)
  })

  it('redacts tokens anywhere in the cause chain', () => {
    const { log, text } = capture()
    const root = new Error(`keychain refused ${REFRESH_TOKEN}`)
    const middle = new Error(`saving Bearer ${ACCESS_TOKEN}`, { cause: root })
    log.error(new AppError('keychain-unavailable', 'The keychain is locked.', { cause: middle }))
    expect(text()).not.toContain(REFRESH_TOKEN)
    expect(text()).not.toContain(ACCESS_TOKEN)
    expect(text()).toContain('The keychain is locked.')
    expect(text()).toContain(`saving Bearer ${REDACTED}`)
    expect(text()).toContain(`keychain refused ${REDACTED}`)
  })

  it('redacts tokens in a stack that does not repeat the message, and in an error’s own properties', () => {
    const { log, text } = capture()
    const error = Object.assign(new Error('request failed'), {
      request: { headers: { authorization: `Basic ${API_KEY}` } },
    })
    error.stack = `Error: request failed\n    at send (https://ws.api.video/auth/api-key?key=${API_KEY}:1:1)`
    log.error(error)
    expect(text()).not.toContain(API_KEY)
    expect(text()).toContain('request failed')
    expect(text()).toContain('at send (https://ws.api.video/auth/api-key')
  })

  it('redacts text parts too, and writes each entry as whole lines', () => {
    const { log, written } = capture()
    log.info('token for acme:', ACCESS_TOKEN)
    log.info('line\n')
    expect(written).toEqual([`token for acme: ${REDACTED}\n`, 'line\n'])
  })

  it('starts each entry with the prefix, and says when it is a warning', () => {
    const { log, written } = capture('avcm: ')
    log.error('Profile acme must sign in again.')
    log.warn('The keychain is locked.')
    log.info('GET /videos 200 12 ms')
    expect(written).toEqual([
      'avcm: Profile acme must sign in again.\n',
      'avcm: warning: The keychain is locked.\n',
      'avcm: GET /videos 200 12 ms\n',
    ])
  })

  it('writes to standard error by default', () => {
    const write = vi.spyOn(process.stderr, 'write').mockReturnValue(true)
    createLogger().error(`leaked ${API_KEY}`)
    expect(write).toHaveBeenCalledWith(`leaked ${REDACTED}\n`)
  })
})
