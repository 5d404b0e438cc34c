import { homedir } from 'node:os'
import { join } from 'node:path'
import { APP_NAME } from './app-info'

/** What {@link defaultDataDir} reads from the process; injectable for tests. */
export interface DataDirEnvironment {
  readonly platform: NodeJS.Platform
  readonly env: Readonly<Record<string, string | undefined>>
  readonly home: string
}

/**
 * The app's data directory: the same path as Electron's `userData` for this app's name, computed without
 * Electron, so the app and `avcm` share profiles. `AVCM_DATA_DIR` overrides it.
 */
export function defaultDataDir(
  where: DataDirEnvironment = { platform: process.platform, env: process.env, home: homedir() },
): string {
  const override = where.env['AVCM_DATA_DIR']
  if (override !== undefined && override !== '') return override
  return join(appDataDir(where), APP_NAME)
}

function appDataDir({ platform, env, home }: DataDirEnvironment): string {
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support')
    case 'win32':
      return env['APPDATA'] ?? join(home, 'AppData', 'Roaming')
    default:
      return env['XDG_CONFIG_HOME'] !== undefined && env['XDG_CONFIG_HOME'] !== ''
        ? env['XDG_CONFIG_HOME']
        : join(home, '.config')
  }
}
