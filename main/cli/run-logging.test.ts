import { PassThrough } from 'node:stream'
import { describe, expect, it, vi } from 'vitest'
import { TokenBook } from '../fake-api/tokens'
import { runAvcm } from './run'

// One command, `avcm inject <how> <text>`, that fails or writes in the way it is told, with the given text.
vi.mock('./commands', () => ({
  COMMANDS: {
    inject: {
      summary: 'fails or writes as it is told',
      load: () =>
        Promise.resolve({
          usage: 'avcm inject <how> <text>',
          help: '',
          options: {},
          positionals: [2, 2],
          async run(
            context: { print(text: string): void; warn(text: string): void },
            args: { positionals: string[] },
          ) {
            const [how, text = ''] = args.positionals
            const { AppError } = await import('../core/errors')
            const { ExitStatus } = await import('./run')
            if (how === 'print') return context.print(text)
            if (how === 'warn') return context.warn(text)
            if (how === 'app-error') throw new AppError('network', text)
            if (how === 'exit') throw new ExitStatus(7, text)
            throw new Error(text)
          },
        }),
    },
  },
}))

const { accessToken: TOKEN } = new TokenBook(() => 0).issue('k', 60)

async function avcm(...args: string[]) {
  const collect = () => {
    const stream = new PassThrough()
    let text = ''
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()))
    return { stream, text: () => text }
  }
  const stdout = collect()
  const stderr = collect()
  const code = await runAvcm(args, {
    stdin: process.stdin,
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: {},
  })
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}

describe('avcm’s standard error goes through the redacting logger', () => {
  it('prints an unexpected error with a token in it as one line, the token redacted, and exits 1', async () => {
    expect(await avcm('inject', 'throw', `socket closed while sending ${TOKEN}`)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'avcm: socket closed while sending [redacted]\n',
    })
  })

  it('redacts the app’s own errors, warnings, an exit status’s line and an unknown command too', async () => {
    expect(await avcm('inject', 'app-error', `api.video refused Bearer ${TOKEN}`)).toMatchObject({
      code: 3,
      stderr: 'avcm: api.video refused Bearer [redacted]\n',
    })
    expect((await avcm('inject', 'warn', `kept ${TOKEN} in memory`)).stderr).toBe(
      'avcm: warning: kept [redacted] in memory\n',
    )
    expect(await avcm('inject', 'exit', `ended with ${TOKEN}`)).toMatchObject({
      code: 7,
      stderr: 'avcm: ended with [redacted]\n',
    })
    expect((await avcm(TOKEN)).stderr).toBe(
      'avcm: unknown command "[redacted]". Run "avcm --help" for the list.\n',
    )
  })

  it('leaves standard output alone: printing a token is what avcm token is for', async () => {
    expect(await avcm('inject', 'print', TOKEN)).toEqual({ code: 0, stdout: `${TOKEN}\n`, stderr: '' })
  })
})
