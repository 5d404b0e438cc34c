import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKeytarKeychain } from '../core/secrets/keytar-keychain'
import { cliProfile, type CliProfile } from '../testing/cli-profile'
import { AVCM, runAvcm } from '../testing/run-avcm'

let setup: CliProfile
beforeAll(async () => {
  setup = await cliProfile({ readsPerMinute: 100_000 })
}, 60_000)
afterAll(() => setup.close())

const avcm = (args: readonly string[], input?: string) =>
  runAvcm(args, { env: setup.env, ...(input === undefined ? {} : { input }) })

/** Node as the child command: the same on every machine that runs these tests. */
const node = (script: string) => [process.execPath, '-e', script]

/** The profiles file and the profile's keychain entries, to show that nothing changed. */
async function snapshot(): Promise<string> {
  const keychain = createKeytarKeychain(setup.keychainService)
  const entries = [...(await keychain.findAll())].sort((a, b) => a.account.localeCompare(b.account))
  return JSON.stringify([readFileSync(join(setup.dataDir, 'profiles.json'), 'utf8'), entries])
}

describe('avcm exec', { timeout: 60_000 }, () => {
  it('acceptance: exits with the command’s status', async () => {
    expect(await avcm(['exec', 'acme', '--', 'sh', '-c', 'exit 7'])).toEqual({
      code: 7,
      stdout: '',
      stderr: '',
    })
    expect((await avcm(['exec', 'acme', '--', 'sh', '-c', 'exit 0'])).code).toBe(0)
  })

  it('acceptance: gives the command a token the server issued, and the profile’s base URL', async () => {
    const result = await avcm([
      'exec',
      'acme',
      '--',
      'sh',
      '-c',
      'printf "%s %s" "$APIVIDEO_ACCESS_TOKEN" "$APIVIDEO_BASE_URL"',
    ])
    expect(result.code).toBe(0)
    const [token, baseUrl] = result.stdout.split(' ')
    const issued = setup.fake.requests.flatMap((r) => (r.issued === undefined ? [] : [r.issued.accessToken]))
    expect(issued).toContain(token)
    expect(baseUrl).toBe(setup.fake.url)
  })

  it('acceptance: with --proxy, the command reaches api.video through $APIVIDEO_BASE_URL and holds no token', async () => {
    setup.fake.clearLog()
    const script = `
      const base = process.env.APIVIDEO_BASE_URL
      fetch(base + '/videos?pageSize=10').then(async (res) => {
        const body = await res.json()
        console.log(JSON.stringify({ base, status: res.status, videos: body.data.length, token: process.env.APIVIDEO_ACCESS_TOKEN ?? null }))
      })`
    const result = await runAvcm(['exec', 'acme', '--proxy', '--', ...node(script)], {
      env: { ...setup.env, APIVIDEO_ACCESS_TOKEN: 'inherited-from-the-shell' },
    })
    // The endpoint logs nothing here: standard error is the command's.
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const seen = JSON.parse(result.stdout) as { base: string; status: number; videos: number; token: null }
    expect(seen).toMatchObject({ status: 200, videos: 3, token: null })
    expect(seen.base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[\w-]{43}$/)
    const bearer = setup.fake.requestsTo('videos')[0]?.bearer
    const issued = setup.fake.requests.flatMap((r) => (r.issued === undefined ? [] : [r.issued.accessToken]))
    expect(issued.concat(await currentToken())).toContain(bearer)
  })

  it('passes standard input and output through', async () => {
    const result = await avcm(['exec', 'acme', '--', 'cat'], 'through the pipe\n')
    expect(result).toEqual({ code: 0, stdout: 'through the pipe\n', stderr: '' })
  })

  it('exits 128 + n when signal n ends the command, and passes SIGTERM on to it', async () => {
    expect((await avcm(['exec', 'acme', '--', 'sh', '-c', 'kill -TERM $$'])).code).toBe(143)

    const child = spawn(
      process.execPath,
      [
        AVCM,
        'exec',
        'acme',
        '--',
        ...node(
          `process.on('SIGTERM', () => { console.log('got SIGTERM'); process.exit(3) }); console.log('ready'); setInterval(() => {}, 1000)`,
        ),
      ],
      { env: setup.env, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        if (stdout.includes('ready')) resolve()
      }),
    )
    child.kill('SIGTERM')
    expect(await exited).toBe(3)
    expect(stdout).toBe('ready\ngot SIGTERM\n')
  })

  it('exits 127 with one line when the command cannot start', async () => {
    const result = await avcm(['exec', 'acme', '--', 'no-such-command-avcm-test'])
    expect(result).toEqual({
      code: 127,
      stdout: '',
      stderr:
        'avcm: could not start "no-such-command-avcm-test": no such command (check its name and PATH).\n',
    })
  })

  it('acceptance: bad input gives one line and exit code 1, and changes nothing', async () => {
    const before = await snapshot()
    setup.fake.clearLog()
    for (const [args, message] of [
      [['exec', 'acme', '--'], /^avcm: avcm exec needs a command after --/],
      [['exec', 'acme'], /^avcm: avcm exec needs a command after --/],
      [['exec', '--proxy', 'acme', '--'], /^avcm: avcm exec needs a command after --/],
      [['exec'], /^avcm: usage: avcm exec <name>/],
      [['exec', 'nobody', '--', 'true'], /^avcm: There is no profile named "nobody"\.$/],
      [['exec', 'nobody', '--proxy', '--', 'true'], /^avcm: There is no profile named "nobody"\.$/],
      [['exec', 'acme', 'sh', '-c', 'true'], /^avcm: unknown option "-c"/],
    ] as const) {
      const result = await avcm(args)
      expect(result.code, args.join(' ')).toBe(1)
      expect(result.stdout, args.join(' ')).toBe('')
      expect(result.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1)
      expect(result.stderr.trimEnd(), args.join(' ')).toMatch(message)
    }
    expect(await snapshot()).toBe(before)
    expect(setup.fake.requests).toEqual([])
  })
})

/** The access token the keychain holds now (the one the profile was added with may still be current). */
async function currentToken(): Promise<string[]> {
  const result = await avcm(['token', 'acme'])
  return [result.stdout.trim()]
}
