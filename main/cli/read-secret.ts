import { InvalidInputError } from '../core/errors'
import type { CommandContext } from './command'

/**
 * An API key from standard input when it is piped, or from a prompt that does not echo. Never from the
 * command line, where other users and shell history could see it.
 */
export async function readApiKey(context: CommandContext, label: string): Promise<string> {
  if (context.stdin.isTTY) {
    const { default: password } = await import('@inquirer/password')
    return password(
      { message: `API key for ${label}:`, mask: false },
      { input: context.stdin, output: context.stderr },
    )
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of context.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += buffer.length
    if (size > 4096) throw new InvalidInputError('Standard input is too long to be an API key.')
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8').trim()
}

/** Refuses an API key given as an option, explaining why. */
export function refuseKeyOnCommandLine(value: unknown): void {
  if (value === undefined) return
  throw new InvalidInputError(
    'avcm never takes an API key on the command line, where other users and your shell history can see it. ' +
      'Pipe it on standard input, or type it at the prompt.',
  )
}
