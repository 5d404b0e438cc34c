import { homedir } from 'node:os'
import { join } from 'node:path'
import { createLogger } from '../core/log/logger'
import { keychainService } from '../core/secrets/keychain'
import { systemTimers } from '../shell/timers'
import type { AppEnvironment } from './electron-api'

/**
 * The environment of the real app: this process's command line, variables and home, the keychain service it
 * is configured for, and the built files beside `outMain` (out/main, or the same folders inside app.asar).
 * What it writes to stderr goes through the logger, which redacts anything token-shaped.
 */
export function processEnvironment(outMain: string): AppEnvironment {
  const log = createLogger()
  return {
    argv: process.argv,
    platform: process.platform,
    env: process.env,
    home: homedir(),
    execPath: process.execPath,
    keychainService: keychainService(process.env),
    files: {
      renderer: join(outMain, '../renderer'),
      preload: join(outMain, '../preload/index.cjs'),
      trayIcons: join(outMain, '../../resources/tray'),
    },
    timers: systemTimers,
    fetch: (input, init) => fetch(input, init),
    logError: (error) => log.error(error),
    writeError: (text) => log.error(text),
    terminal: process.stderr.isTTY,
  }
}
