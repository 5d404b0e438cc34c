import { parseArgs } from 'node:util'
import { APP_VERSION } from '../core/app-info'
import { defaultDataDir } from '../core/data-dir'
import { createLogger } from '../core/log/logger'
import type { Keychain } from '../core/secrets/keychain'
import type { CredentialService } from '../core/service/service'
import type { CommandContext, ParsedArgs } from './command'
import { COMMANDS } from './commands'
import { EXIT, exitCodeFor } from './exit-codes'
import { UsageError } from './usage-error'

/** The streams and environment avcm runs with; tests pass their own. */
export interface CliIO {
  readonly stdin: NodeJS.ReadStream
  readonly stdout: NodeJS.WritableStream
  readonly stderr: NodeJS.WritableStream
  readonly env: Readonly<Record<string, string | undefined>>
}

const HELP = `avcm — api.video access tokens for scripts, from the same profiles and keychain as the app.

Usage: avcm <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(9)} ${summary}`)
  .join('\n')}

Options for every command:
  --data-dir <dir>   use this data directory (default: the app's; or set AVCM_DATA_DIR)
  -h, --help         show help for the command

Environment:
  AVCM_DATA_DIR            the data directory
  AVCM_KEYCHAIN_SERVICE    the keychain service name (default: "api.video Credential Manager")

Exit codes: 0 ok, 1 usage or invalid input, 2 credentials rejected or sign-in needed,
3 network or server problem, 4 keychain unavailable.

Example: curl -H "Authorization: Bearer $(avcm token acme)" https://ws.api.video/videos`

/**
 * Ends a command with an exit status of its own, once it has done what it had to (`avcm exec` ends with its
 * command's status, or 127 when the command could not start); a message, if any, is printed as one line.
 */
export class ExitStatus extends Error {
  constructor(
    readonly status: number,
    message = '',
  ) {
    super(message)
    this.name = 'ExitStatus'
  }
}

/**
 * Runs avcm with these arguments; resolves to the exit code. Standard output gets what was asked for (a token
 * included); every line on standard error goes through the logger, which redacts anything token-shaped.
 */
export async function runAvcm(argv: readonly string[], io: CliIO): Promise<number> {
  const print = (stream: NodeJS.WritableStream, text: string) => void stream.write(`${text}\n`)
  const log = createLogger({ write: (text) => void io.stderr.write(text), prefix: 'avcm: ' })
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined
    if (topic === undefined) {
      print(io.stdout, HELP)
      return EXIT.ok
    }
    return runAvcm([topic, '--help'], io)
  }
  if (name === '--version' || name === '-v') {
    print(io.stdout, APP_VERSION)
    return EXIT.ok
  }
  const entry = COMMANDS[name]
  if (entry === undefined) {
    log.error(`unknown command "${name.slice(0, 40)}". Run "avcm --help" for the list.`)
    return EXIT.usage
  }
  let service: CredentialService | undefined
  let keychain: Promise<Keychain> | undefined
  const openKeychain = (): Promise<Keychain> => {
    keychain ??= Promise.all([
      import('../core/secrets/keytar-keychain'),
      import('../core/secrets/keychain'),
    ]).then(([{ createKeytarKeychain }, { keychainService }]) =>
      createKeytarKeychain(keychainService(io.env)),
    )
    return keychain
  }
  try {
    const command = await entry.load()
    const args = parse(command.options, rest)
    if (args.values['help'] === true) {
      print(io.stdout, `Usage: ${command.usage}\n\n${command.help}`)
      return EXIT.ok
    }
    const [min, max] = command.positionals
    if (args.positionals.length < min || args.positionals.length > max) {
      throw new UsageError(`usage: ${command.usage}`)
    }
    const dataDirOption = args.values['data-dir']
    const dataDir =
      typeof dataDirOption === 'string' ? dataDirOption : defaultDataDir({ ...defaults(), env: io.env })
    const context: CommandContext = {
      ...io,
      dataDir,
      print: (text) => print(io.stdout, text),
      warn: (text) => log.warn(text),
      keychain: openKeychain,
      service: async () => {
        service ??= await startService(dataDir, await openKeychain(), (text) => log.warn(text))
        return service
      },
    }
    await command.run(context, args)
    return EXIT.ok
  } catch (error) {
    if (error instanceof ExitStatus) {
      if (error.message !== '') log.error(error.message)
      return error.status
    }
    const message = error instanceof Error ? error.message : String(error)
    const hint = error instanceof UsageError ? ` Run "avcm ${name} --help".` : ''
    log.error(`${message}${hint}`)
    return exitCodeFor(error)
  } finally {
    service?.stop()
  }
}

function parse(options: ParsedArgsOptions, args: readonly string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...options, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    })
    return { values: values, positionals }
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    const unknown = /^Unknown option '([^']+)'/.exec(text)
    throw new UsageError(unknown === null ? text : `unknown option "${unknown[1] ?? ''}".`)
  }
}

type ParsedArgsOptions = Parameters<typeof parseArgs>[0] extends infer C
  ? C extends { options?: infer O }
    ? NonNullable<O>
    : never
  : never

function defaults() {
  return { platform: process.platform, home: process.env['HOME'] ?? process.env['USERPROFILE'] ?? '' }
}

/**
 * Starts the engine without timers, reading each profile's secrets only when a command uses it; a keychain
 * that cannot be used then ends the command with exit code 4.
 */
async function startService(
  dataDir: string,
  keychain: Keychain,
  warn: (text: string) => void,
): Promise<CredentialService> {
  const { CredentialService } = await import('../core/service/service')
  const service = new CredentialService({ dataDir, keychain, autoRefresh: false, secrets: 'on-demand' })
  await service.start()
  for (const problem of service.problems()) warn(problem.message)
  return service
}
