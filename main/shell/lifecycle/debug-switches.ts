import type { App, CommandLine } from 'electron'
import { APP_NAME } from '../../core/app-info'

/**
 * Switches that open the app to a debugger, refused in a packaged app: anyone running as the person could
 * attach and call `window.api` to reveal tokens. Chromium's remote debugging (no fuse covers it), Node's
 * inspector (the `enableNodeCliInspectArguments` fuse already disables it; refused here too, for builds
 * without fuses) and V8 flags (a packaged app has no use for them, and some weaken its guarantees).
 * Every other `--inspect-…` is refused as well.
 */
export const REFUSED_DEBUG_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-wait',
  'inspect-publish-uid',
  'js-flags',
] as const

/**
 * The switch name of a command-line argument, as Chromium and Node read it, or undefined for a value: `--x`,
 * `--x=…`, `-x`, `/x` (Windows); case-insensitive (Windows), `_` for `-` (Node).
 */
function switchName(argument: string): string | undefined {
  const match = /^(?:--?|\/)([^=]+)/.exec(argument)
  return match?.[1]?.toLowerCase().replaceAll('_', '-')
}

function isRefused(name: string): boolean {
  return (REFUSED_DEBUG_SWITCHES as readonly string[]).includes(name) || name.startsWith('inspect-')
}

/**
 * The first debug switch in `argv` that a packaged app refuses (`--remote-debugging-port`, …), or null.
 * An unpackaged build allows them all: Playwright drives dev builds with `--remote-debugging-port=0` and
 * `--inspect=0`. A value given as its own argument (`--x 9222`) needs no parsing: the name alone refuses.
 */
export function refusedDebugSwitch(argv: readonly string[], packaged: boolean): string | null {
  if (!packaged) return null
  for (const argument of argv) {
    const name = switchName(argument)
    if (name !== undefined && isRefused(name)) return `--${name}`
  }
  return null
}

/** What refusing to start needs: Electron's app, the arguments, and where to say why. */
export interface DebugSwitchDeps {
  readonly app: Pick<App, 'isPackaged' | 'exit'> & { readonly commandLine: Pick<CommandLine, 'hasSwitch'> }
  /** process.argv. */
  readonly argv: readonly string[]
  /** Writes to stderr. */
  readonly writeError: (text: string) => void
  /** Electron's dialog.showErrorBox (safe before the app is ready). */
  readonly showErrorBox: (title: string, content: string) => void
  /** Whether stderr reaches a person (process.stderr.isTTY); without a terminal, a dialog says it too. */
  readonly terminal: boolean
}

/**
 * Call first thing, before the single-instance lock: in a packaged app started with a debug switch, says why
 * on one line and exits with code 1. Returns true when it refused, so the caller stops there.
 */
export function refuseDebugSwitches(deps: DebugSwitchDeps): boolean {
  const { app } = deps
  const inArgv = refusedDebugSwitch(deps.argv, app.isPackaged)
  const parsed = app.isPackaged
    ? REFUSED_DEBUG_SWITCHES.find((name) => app.commandLine.hasSwitch(name))
    : undefined
  const name = inArgv ?? (parsed === undefined ? null : `--${parsed}`)
  if (name === null) return false
  const line = `${APP_NAME} will not start with ${name}: it would let other programs read your tokens.`
  deps.writeError(`${line}\n`)
  if (!deps.terminal) deps.showErrorBox(APP_NAME, line)
  app.exit(1)
  return true
}
