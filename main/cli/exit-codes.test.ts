import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { ERROR_KINDS, type ErrorKind } from '../core/common/error-kinds'
import { AppError } from '../core/errors'
import { EXIT, exitCodeFor } from './exit-codes'
import { runAvcm } from './run'

// The documented meaning of each code ("Exit codes: 0 ok, 1 usage or invalid input, 2 credentials rejected or
// sign-in needed, 3 network or server problem, 4 keychain unavailable"), kind by kind.
const DOCUMENTED: Readonly<Record<1 | 2 | 3 | 4, readonly ErrorKind[]>> = {
  1: [
    'usage',
    'invalid-input',
    'invalid-request',
    'profile-not-found',
    'base-url-not-allowed',
    'unsafe-token',
    'profiles-file-corrupt',
    'profiles-file-too-new',
    'port-in-use',
    'port-unavailable',
    'endpoint-not-running',
    'endpoint-stopped',
    'endpoint-upstream-changed',
    'launch-at-login',
    'app-quitting',
    'internal',
  ],
  2: ['credentials-rejected', 'forbidden', 'needs-sign-in'],
  3: [
    'network',
    'timeout',
    'server',
    'rate-limited',
    'invalid-response',
    'not-found',
    'unexpected-status',
    'aborted',
    'lock-timeout',
  ],
  4: ['keychain-unavailable'],
}

const EXIT_CODES_LINE =
  'Exit codes: 0 ok, 1 usage or invalid input, 2 credentials rejected or sign-in needed, 3 network or server ' +
  'problem, 4 keychain unavailable'

describe('exitCodeFor', () => {
  const documented = Object.entries(DOCUMENTED).flatMap(([code, kinds]) =>
    kinds.map((kind) => [kind, Number(code)] as const),
  )

  it('has a documented code for every kind, and for no kind that does not exist', () => {
    expect(documented.map(([kind]) => kind).sort()).toEqual([...ERROR_KINDS].sort())
  })

  it.each(documented)('exits with the documented code for %s: %i', (kind, code) => {
    expect(exitCodeFor(new AppError(kind, 'Something went wrong.'))).toBe(code)
  })

  it('exits 1 (usage) for anything that is not the app’s own error, as before kinds were a closed list', () => {
    expect(exitCodeFor(new Error('boom'))).toBe(EXIT.usage)
    expect(exitCodeFor('a string')).toBe(EXIT.usage)
    expect(exitCodeFor(undefined)).toBe(EXIT.usage)
  })

  it('uses the codes that avcm --help and the README document', async () => {
    expect(EXIT).toEqual({ ok: 0, usage: 1, credentials: 2, network: 3, keychain: 4 })
    const stdout = new PassThrough()
    let help = ''
    stdout.on('data', (chunk: Buffer) => (help += chunk.toString()))
    const io = { stdin: process.stdin, stdout, stderr: new PassThrough(), env: {} }
    expect(await runAvcm(['--help'], io)).toBe(EXIT.ok)
    const oneLine = (text: string) => text.replace(/\s+/g, ' ')
    expect(oneLine(help)).toContain(EXIT_CODES_LINE)
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8')
    expect(oneLine(readme)).toContain(EXIT_CODES_LINE)
  })
})
