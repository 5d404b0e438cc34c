import type { App } from 'electron'
import { join } from 'node:path'

/** Passed when the system starts the app at login: it then starts in the tray, without a window. */
export const HIDDEN_FLAG = '--hidden'

/** The XDG autostart entry's file name. */
export const AUTOSTART_FILE_NAME = 'api.video-credential-manager.desktop'

/** Whether the app should start without showing its window. */
export function startsHidden(argv: readonly string[], openedAtLogin: boolean): boolean {
  return openedAtLogin || argv.includes(HIDDEN_FLAG)
}

/**
 * One argument of a desktop entry's Exec line. Per the Desktop Entry Specification: `%` is doubled; an
 * argument with reserved characters is double-quoted with `"`, `` ` ``, `$` and `\` escaped inside; then, as
 * Exec is a string value, every backslash is escaped once more.
 */
export function execArgument(argument: string): string {
  if (/[\r\n]/.test(argument)) throw new RangeError('A desktop entry argument cannot contain a line break.')
  const percent = argument.replaceAll('%', '%%')
  if (argument !== '' && !/[\s"'\\><~|&;$*?#()`]/.test(argument)) return percent
  const quoted = `"${percent.replace(/["`$\\]/g, '\\$&')}"`
  return quoted.replaceAll('\\', '\\\\')
}

/** The XDG autostart entry that starts the app, hidden, at login. */
export function autostartEntry(input: {
  readonly name: string
  readonly executable: string
  readonly args: readonly string[]
}): string {
  const exec = [input.executable, ...input.args, HIDDEN_FLAG].map(execArgument).join(' ')
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${input.name.replace(/[\r\n]/g, ' ')}`,
    'Comment=Keeps api.video access tokens fresh',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/** Where the autostart entry lives: `$XDG_CONFIG_HOME/autostart`, or `~/.config/autostart`. */
export function autostartPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const configHome =
    env['XDG_CONFIG_HOME'] !== undefined && env['XDG_CONFIG_HOME'] !== ''
      ? env['XDG_CONFIG_HOME']
      : join(home, '.config')
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME)
}

/** What launching at login needs from the system. */
export interface LaunchAtLoginDeps {
  readonly platform: NodeJS.Platform
  /** Unpackaged builds are skipped: their command line points into a checkout, not an installed app. */
  readonly packaged: boolean
  readonly app: Pick<App, 'setLoginItemSettings'>
  readonly name: string
  /** The program to start: `$APPIMAGE` for an AppImage (its mount point changes every run), else execPath. */
  readonly executable: string
  readonly autostartFile: string
  readonly writeFile: (path: string, content: string) => Promise<void>
  readonly removeFile: (path: string) => Promise<void>
}

/** Turns launching at login on or off: Electron's login items on macOS and Windows, XDG autostart on Linux. */
export async function applyLaunchAtLogin(enabled: boolean, deps: LaunchAtLoginDeps): Promise<void> {
  if (!deps.packaged) return
  if (deps.platform === 'darwin' || deps.platform === 'win32') {
    deps.app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_FLAG] })
    return
  }
  if (enabled) {
    await deps.writeFile(
      deps.autostartFile,
      autostartEntry({ name: deps.name, executable: deps.executable, args: [] }),
    )
  } else {
    await deps.removeFile(deps.autostartFile)
  }
}
