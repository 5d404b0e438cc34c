import type { ParseArgsConfig } from 'node:util'
import type { Keychain } from '../core/secrets/keychain'
import type { CredentialService } from '../core/service/service'

/** What a command can use: the streams, the data directory, and the service (started on first use). */
export interface CommandContext {
  readonly stdin: NodeJS.ReadStream
  readonly stdout: NodeJS.WritableStream
  readonly stderr: NodeJS.WritableStream
  readonly env: Readonly<Record<string, string | undefined>>
  readonly dataDir: string
  /** The credential service, started without timers, reading each profile's secrets when first used. */
  service(): Promise<CredentialService>
  /** The keychain (keytar, for the app's keychain service), loaded on first use. */
  keychain(): Promise<Keychain>
  /** Writes a line to standard output. */
  print(text: string): void
  /** Writes a warning line to standard error. */
  warn(text: string): void
}

/** The parsed command line of one command. */
export interface ParsedArgs {
  readonly positionals: readonly string[]
  readonly values: Readonly<Record<string, string | boolean | undefined>>
}

/** One avcm command. */
export interface Command {
  readonly usage: string
  readonly help: string
  readonly options: NonNullable<ParseArgsConfig['options']>
  /** How many positional arguments it takes. */
  readonly positionals: readonly [min: number, max: number]
  run(context: CommandContext, args: ParsedArgs): Promise<void>
}
