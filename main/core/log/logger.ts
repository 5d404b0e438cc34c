import { inspect } from 'node:util'
import { redact } from './redact'

/** How serious an entry is. */
export type LogLevel = 'error' | 'warn' | 'info'

/**
 * The one way the app and avcm log. Each call writes one entry: its parts joined by spaces (text as is,
 * anything else, an error above all, in full: message, stack, properties and cause chain), with everything
 * token-shaped redacted before it is written.
 */
export type Logger = { readonly [L in LogLevel]: (...parts: readonly unknown[]) => void }

/** Where entries go, and what starts each line. */
export interface LoggerOptions {
  /** Receives each entry, redacted, ending with a newline; standard error by default. */
  readonly write?: (text: string) => void
  /** Starts every entry, e.g. `avcm: `. */
  readonly prefix?: string
}

/** Said after the prefix; errors and information need no word, a warning says it is one. */
const LEVEL_TAGS: Readonly<Record<LogLevel, string>> = { error: '', warn: 'warning: ', info: '' }

/** A logger that redacts secrets (see {@link redact}) and writes to `write`. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((text: string) => void process.stderr.write(text))
  const prefix = options.prefix ?? ''
  const entry =
    (level: LogLevel) =>
    (...parts: readonly unknown[]): void => {
      const text = `${prefix}${LEVEL_TAGS[level]}${parts.map(show).join(' ')}`
      write(redact(text.endsWith('\n') ? text : `${text}\n`))
    }
  return { error: entry('error'), warn: entry('warn'), info: entry('info') }
}

function show(part: unknown): string {
  return typeof part === 'string' ? part : inspect(part, { depth: 6 })
}
