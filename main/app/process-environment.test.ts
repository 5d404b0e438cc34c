import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../core/errors'
import { TokenBook } from '../fake-api/tokens'
import { processEnvironment } from './process-environment'

const { accessToken: ACCESS_TOKEN, refreshToken: REFRESH_TOKEN } = new TokenBook(() => 0).issue('k', 60)

afterEach(() => vi.restoreAllMocks())

describe('processEnvironment', () => {
  it('logs an error with tokens in its message and cause to stderr, the tokens redacted', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true)
    const cause = new Error(`keytar could not save ${REFRESH_TOKEN}`)
    processEnvironment('/app/out/main').logError(
      new AppError('internal', `Saving the session with ${ACCESS_TOKEN} failed.`, { cause }),
    )
    const written = stderr.mock.calls.map(([text]) => String(text)).join('')
    expect(written).toContain('Saving the session with [redacted] failed.')
    expect(written).toContain('keytar could not save [redacted]')
    expect(written).not.toContain(ACCESS_TOKEN)
    expect(written).not.toContain(REFRESH_TOKEN)
  })

  it('writes a line for the person to stderr through the same logger', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true)
    processEnvironment('/app/out/main').writeError(`Will not start with ${ACCESS_TOKEN}.\n`)
    expect(stderr.mock.calls).toEqual([['Will not start with [redacted].\n']])
  })
})
