import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Api } from '../../main/ipc/contract'
import { findElectronBinary } from './electron-binary'

/** The built main process (`npm run build`). */
export const MAIN_SCRIPT = join(import.meta.dirname, '../../out/main/index.js')

const binary = findElectronBinary()

/** Why the Electron specs cannot run here, or undefined when they can. */
export function electronMissing(): string | undefined {
  if ('missing' in binary) return binary.missing
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return 'Electron needs a display and none is set (on a headless Linux machine run the tests under xvfb-run)'
  }
  return undefined
}

/** Skips every test of the calling `describe` where Electron cannot run, saying why. */
export function skipWithoutElectron(): void {
  const missing = electronMissing()
  test.skip(missing !== undefined, `Skipped: ${missing ?? ''}.`)
}

/** What a page of the app sees of its globals: `window.api` and a few browser built-ins the specs touch. */
export type AppPage = typeof globalThis & {
  readonly api: Api
  readonly location: { readonly href: string; readonly protocol: string }
  open(url: string): unknown
}

/** A running app, its window, and what it was started with. */
export interface LaunchedApp {
  readonly app: ElectronApplication
  readonly window: Page
  readonly userData: string
  readonly env: Readonly<Record<string, string>>
  /** The command line that starts one more instance of this app (for the single-instance spec). */
  readonly commandLine: readonly [executable: string, ...args: string[]]
}

/**
 * Launches `out/main/index.js` with a temporary `--user-data-dir` and a keychain service name of its own, in
 * production mode (no dev server). Needs the private keychain: the app writes real keychain entries.
 */
export async function launchApp(): Promise<LaunchedApp> {
  if ('missing' in binary) throw new Error(binary.missing)
  expect(process.env['AVCM_PRIVATE_KEYCHAIN'], 'run through scripts/with-private-keychain.sh').toBe('1')
  const userData = mkdtempSync(join(tmpdir(), 'avcm-electron-'))
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'ELECTRON_RENDERER_URL' && name !== 'NODE_ENV') env[name] = value
  }
  env['AVCM_KEYCHAIN_SERVICE'] = `avcm-e2e-${randomBytes(6).toString('hex')}`
  // Chromium refuses to run as root with its sandbox on; CI containers often are root.
  const args = [
    MAIN_SCRIPT,
    `--user-data-dir=${userData}`,
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ]
  const app = await electron.launch({ executablePath: binary.path, args, env })
  const window = await app.firstWindow()
  await window.waitForLoadState('domcontentloaded')
  return { app, window, userData, env, commandLine: [binary.path, ...args] }
}

/** Quits the app if it still runs and removes its data folder. */
export async function closeApp(launched: LaunchedApp): Promise<void> {
  await launched.app.close().catch(() => undefined)
  rmSync(launched.userData, { recursive: true, force: true })
}

/** Starts a second instance with the same command line; resolves to its exit code. */
export function launchSecondInstance(launched: LaunchedApp): Promise<number | null> {
  const [executable, ...args] = launched.commandLine
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { env: launched.env, stdio: 'ignore' })
    child.once('error', reject)
    child.once('exit', (code) => resolve(code))
  })
}

/** Whether the app's one window is visible, asked in the main process. */
export function windowVisible(app: ElectronApplication): Promise<boolean> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible() ?? false)
}
