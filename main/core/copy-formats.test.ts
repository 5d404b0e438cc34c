import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../testing/temp-dir'
import { COPY_FORMATS, formatForCopy, shellQuote, UnsafeTokenError } from './copy-formats'

describe('formatForCopy', () => {
  it.each([
    ['token', 'eyJ.a.b'],
    ['header', 'Authorization: Bearer eyJ.a.b'],
    [
      'curl',
      "curl -H 'Authorization: Bearer eyJ.a.b' 'https://sandbox.api.video/videos?currentPage=1&pageSize=10'",
    ],
    ['export', 'export APIVIDEO_ACCESS_TOKEN=eyJ.a.b'],
  ] as const)('%s', (format, expected) => {
    expect(formatForCopy(format, 'eyJ.a.b', 'https://sandbox.api.video')).toBe(expected)
  })

  it('lists every format once', () => {
    expect(new Set(COPY_FORMATS).size).toBe(4)
  })
})

/** Shells the copied lines are pasted into; dash is the strictest POSIX one at hand. */
const SHELLS = ['sh', 'bash']

/** Runs `script` in a shell; its standard output. */
function run(shell: string, script: string, cwd: string): string {
  return execFileSync(shell, ['-c', script], { cwd, encoding: 'utf8' })
}

/** A stand-in for curl that prints its arguments, one per NUL-terminated record. */
const FAKE_CURL = 'curl() { printf \'%s\\0\' "$@"; }\n'

describe('copied shell lines run nothing they carry', () => {
  let dir: ReturnType<typeof tempDir>
  let marker: string
  beforeEach(() => {
    dir = tempDir()
    marker = join(dir.path, 'pwned')
  })
  afterEach(() => dir.remove())

  /** Values a hostile custom server could make us paste, each trying to create the marker file. */
  const hostile = (m: string): string[] => [
    `x'; touch ${m}; echo '`,
    `x$(touch ${m})`,
    `x\`touch ${m}\``,
    `x"; touch ${m}; echo "`,
    `x\ntouch ${m}\n`,
    `x;touch ${m}`,
    `x|touch ${m}`,
    `x&&touch ${m}`,
    `x\\'; touch ${m}; echo \\'`,
    `x'\\''; touch ${m}; '`,
  ]

  it.each(SHELLS)('quotes a hostile base URL path for curl (%s)', (shell) => {
    for (const path of hostile(marker)) {
      const baseUrl = `https://evil.example/${path}`
      const line = formatForCopy('curl', 'eyJ.a.b', baseUrl)
      const args = run(shell, FAKE_CURL + line, dir.path)
        .split('\0')
        .slice(0, -1)
      expect(existsSync(marker), line).toBe(false)
      expect(args).toEqual([
        '-H',
        'Authorization: Bearer eyJ.a.b',
        `${baseUrl}/videos?currentPage=1&pageSize=10`,
      ])
    }
  })

  it.each(['header', 'curl', 'export'] as const)(
    'refuses a token that is not a bearer token in the %s format',
    (format) => {
      for (const token of [...hostile(marker), 'a b', 'a\r\nX-Injected: 1', '', 'a=b', 'é']) {
        expect(() => formatForCopy(format, token, 'https://ws.api.video'), JSON.stringify(token)).toThrow(
          UnsafeTokenError,
        )
      }
    },
  )

  it('gives the token itself as it is, since it is not pasted into anything', () => {
    expect(formatForCopy('token', "x'; touch y", 'https://ws.api.video')).toBe("x'; touch y")
  })

  it('never names the token in its refusal', () => {
    const refusal = (() => {
      try {
        return formatForCopy('header', 'secret\nvalue', 'https://ws.api.video')
      } catch (error) {
        return error
      }
    })()
    expect(refusal).toBeInstanceOf(UnsafeTokenError)
    expect((refusal as UnsafeTokenError).kind).toBe('unsafe-token')
    expect((refusal as UnsafeTokenError).message).not.toContain('secret')
  })

  /** RFC 6750 b64token: what a bearer token may be made of. */
  const bearerToken = fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...'abcXYZ0189-._~+/'.split('')), minLength: 1, maxLength: 60 }),
      fc.string({ unit: fc.constant('='), maxLength: 2 }),
    )
    .map(([body, padding]) => body + padding)

  it.each(SHELLS)('round-trips any bearer token through export and curl (%s)', (shell) => {
    fc.assert(
      fc.property(bearerToken, (token) => {
        const exported = formatForCopy('export', token, 'https://ws.api.video')
        expect(run(shell, `${exported}\nprintf %s "$APIVIDEO_ACCESS_TOKEN"`, dir.path)).toBe(token)
        const curl = formatForCopy('curl', token, 'https://ws.api.video')
        expect(run(shell, FAKE_CURL + curl, dir.path).split('\0')[1]).toBe(`Authorization: Bearer ${token}`)
      }),
      { numRuns: 60, examples: [['~root'], ['a/b+c=='], ['-n']] },
    )
  })

  it.each(SHELLS)('shellQuote gives back any text as one word (%s)', (shell) => {
    const text = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0'))
    const shellish = fc.string({ unit: fc.constantFrom(...`'"\\$\`;|&()<>{}[]*?!#~= \t\n-a`.split('')) })
    fc.assert(
      fc.property(fc.oneof(text, shellish), (value) => {
        expect(run(shell, `printf %s ${shellQuote(value)}`, dir.path)).toBe(value)
      }),
      { numRuns: 80 },
    )
    expect(existsSync(marker)).toBe(false)
  })
})
