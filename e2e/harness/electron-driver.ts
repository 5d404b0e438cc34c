import { _electron, type ElectronApplication } from '@playwright/test'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { findElectronBinary } from './electron-binary'
import type { AppRun, DesktopDriver, LaunchOptions } from './desktop'
import type { MachineSetup } from './stand-in-driver'
import type { AppEnding } from './stand-ins/app'
import type { SeenItem } from './stand-ins/tray'

const MAIN_SCRIPT = join(import.meta.dirname, '../../out/main/index.js')
const OBSERVER = join(import.meta.dirname, 'electron-observer.cjs')
const CLIPBOARD_SCRIPT = join(import.meta.dirname, 'electron-clipboard.cjs')

/** Why the specs cannot run on real Electron here, or undefined when they can. */
export function electronUnavailable(): string | undefined {
  const binary = findElectronBinary()
  if ('missing' in binary) return binary.missing
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return 'Electron needs a display and none is set (on a headless Linux machine run the tests under xvfb-run)'
  }
  return undefined
}

/**
 * The driver for real Electron: the built app (`out/main/index.js`) launched by Playwright with a data folder
 * and keychain service of the test's own. What a test cannot reach from outside (the tray's menu,
 * notifications, global shortcuts) is recorded by electron-observer.cjs, loaded before the app.
 */
export function electronDriver(machine: MachineSetup): DesktopDriver {
  const binary = findElectronBinary()
  const runs: ElectronApplication[] = []
  let running: ElectronApplication | undefined
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'ELECTRON_RENDERER_URL' && name !== 'NODE_ENV') env[name] = value
  }
  env['AVCM_KEYCHAIN_SERVICE'] = machine.keychainService
  env['HOME'] = machine.home
  // Playwright drops NODE_OPTIONS, so the observer goes on the command line, as Playwright's own loader does.
  const args = (options: LaunchOptions): string[] => [
    '-r',
    OBSERVER,
    MAIN_SCRIPT,
    `--user-data-dir=${machine.dataDir}`,
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(options.args ?? []),
  ]
  const executable = (): string => {
    if ('missing' in binary) throw new Error(binary.missing)
    return binary.path
  }
  return {
    launch: async (options = {}) => {
      if (options.packaged === true) throw new Error('the Electron driver runs the unpackaged build only')
      // While an instance runs, another launch is a second instance; after it ended, a fresh start.
      if (running !== undefined) return secondInstance(executable(), args(options), env)
      const app = await _electron.launch({ executablePath: executable(), args: args(options), env })
      runs.push(app)
      running = app
      app.once('close', () => {
        if (running === app) running = undefined
      })
      return electronRun(app)
    },
    clipboardText: () =>
      running === undefined
        ? clipboardProcess(executable(), ['read'], env)
        : running.evaluate(({ clipboard }) => clipboard.readText()),
    setClipboardText: async (text) => {
      if (running === undefined) await clipboardProcess(executable(), ['write', text], env)
      else await running.evaluate(({ clipboard }, value) => clipboard.writeText(value), text)
    },
    jumpClock: null,
    close: async () => {
      for (const app of runs) await app.close().catch(() => undefined)
    },
  }
}

interface Observed {
  readonly trayMenu: Electron.Menu | null
  readonly tray: Electron.Tray | null
  readonly tooltip: string
  readonly notifications: Electron.Notification[]
  readonly shortcuts: Map<string, () => void>
}

function electronRun(app: ElectronApplication): AppRun {
  const ended = new Promise<AppEnding>((resolve) => app.once('close', () => resolve({ how: 'quit' })))
  return {
    window: async () => {
      const page = await app.firstWindow()
      await page.waitForLoadState('load')
      return page
    },
    windowShown: () =>
      app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((w) => w.isVisible())),
    closeWindow: () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close()),
    trayItems: () =>
      app.evaluate(() => {
        const observed = (globalThis as unknown as { __avcmObserved: Observed }).__avcmObserved
        const seen = (items: readonly Electron.MenuItem[]): SeenItem[] =>
          items
            .filter((item) => item.type !== 'separator')
            .map((item) => ({
              label: item.label,
              enabled: item.enabled,
              submenu: seen(item.submenu?.items ?? []),
            }))
        return seen(observed.trayMenu?.items ?? [])
      }),
    trayTooltip: () =>
      app.evaluate(() => (globalThis as unknown as { __avcmObserved: Observed }).__avcmObserved.tooltip),
    clickTray: (...path) =>
      app.evaluate(
        (_electron, labels) => {
          const observed = (globalThis as unknown as { __avcmObserved: Observed }).__avcmObserved
          let items = observed.trayMenu?.items ?? []
          let found: Electron.MenuItem | undefined
          for (const label of labels) {
            found = items.find((item) =>
              label.regex
                ? new RegExp(label.source, label.flags).test(item.label)
                : item.label === label.source,
            )
            items = found?.submenu?.items ?? []
          }
          if (found === undefined)
            throw new Error(`the tray menu has no item ${labels.map((l) => l.source).join(' › ')}`)
          ;(found.click as () => void)()
        },
        path.map((p) =>
          typeof p === 'string'
            ? { regex: false, source: p, flags: '' }
            : { regex: true, source: p.source, flags: p.flags },
        ),
      ),
    notifications: () =>
      app.evaluate(() =>
        (globalThis as unknown as { __avcmObserved: Observed }).__avcmObserved.notifications.map((n) => ({
          title: n.title,
          body: n.body,
        })),
      ),
    clickNotification: (title) =>
      app.evaluate(
        (_electron, wanted) => {
          const all = (globalThis as unknown as { __avcmObserved: Observed }).__avcmObserved.notifications
          const match = all.findLast((n) =>
            wanted.regex ? new RegExp(wanted.source).test(n.title) : n.title === wanted.source,
          )
          if (match === undefined) throw new Error(`no notification titled ${wanted.source}`)
          match.emit('click')
        },
        typeof title === 'string' ? { regex: false, source: title } : { regex: true, source: title.source },
      ),
    power: (event) => app.evaluate(({ powerMonitor }, name) => void powerMonitor.emit(name), event),
    shortcuts: () =>
      app.evaluate(() => [
        ...(globalThis as unknown as { __avcmObserved: Observed }).__avcmObserved.shortcuts.keys(),
      ]),
    pressShortcut: (accelerator) =>
      app.evaluate((_electron, key) => {
        const callback = (globalThis as unknown as { __avcmObserved: Observed }).__avcmObserved.shortcuts.get(
          key,
        )
        callback?.()
        return callback !== undefined
      }, accelerator),
    quit: async () => {
      await app.evaluate(({ app: electronApp }) => electronApp.quit())
      return ended
    },
    ended: () => ended,
    loggedErrors: () => [],
    saidOnStderr: () => [],
  }
}

/** The system clipboard through a throwaway Electron process, for when the app is not running. */
function clipboardProcess(executable: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : []
    const child = spawn(executable, [...sandbox, CLIPBOARD_SCRIPT, ...args], {
      env: { ...env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`the clipboard helper exited with ${String(code)}`)),
    )
  })
}

/** A second launch of the app: it should hand over to the first and end at once. */
function secondInstance(executable: string, args: string[], env: Record<string, string>): Promise<AppRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { env, stdio: 'ignore' })
    child.once('error', reject)
    const ended = new Promise<AppEnding>((done) =>
      child.once('exit', (code) => done({ how: 'exit', code: code ?? -1 })),
    )
    const unavailable = (): Promise<never> =>
      Promise.reject(new Error('a second instance has no window or tray'))
    resolve({
      window: unavailable,
      windowShown: () => Promise.resolve(false),
      closeWindow: unavailable,
      trayItems: unavailable,
      trayTooltip: unavailable,
      clickTray: unavailable,
      notifications: unavailable,
      clickNotification: unavailable,
      power: unavailable,
      shortcuts: unavailable,
      pressShortcut: unavailable,
      quit: () => ended,
      ended: () => ended,
      loggedErrors: () => [],
      saidOnStderr: () => [],
    })
  })
}
