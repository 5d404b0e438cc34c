import type { Browser } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { composeApp } from '../../main/app/compose'
import type { AppEnvironment, ElectronApi } from '../../main/app/electron-api'
import type { AppRun, DesktopDriver, LaunchOptions, SeenNotification } from './desktop'
import { AppStandIn, InstanceLocks } from './stand-ins/app'
import { IpcMainStandIn } from './stand-ins/ipc-main'
import { ProtocolStandIn } from './stand-ins/protocol'
import {
  ClipboardStandIn,
  DialogStandIn,
  GlobalShortcutStandIn,
  NativeThemeStandIn,
  nativeImageStandIn,
  notificationClass,
  PowerMonitorStandIn,
  screenStandIn,
  SessionStandIn,
  ShellStandIn,
  type ShownNotification,
} from './stand-ins/system'
import { findItem, MenuStatics, seenItems, TrayStandIn } from './stand-ins/tray'
import { WindowSystem } from './stand-ins/window-system'

const ROOT = join(import.meta.dirname, '../..')

/** The built app the harness starts: `npm run build` output, as Electron would load it. */
export const BUILT = {
  renderer: join(ROOT, 'out/renderer'),
  preload: join(ROOT, 'out/preload/index.cjs'),
  trayIcons: join(ROOT, 'resources/tray'),
} as const

/** What the machine is: its folders, keychain service and the HTTP client api.video calls go through. */
export interface MachineSetup {
  readonly dataDir: string
  readonly home: string
  readonly keychainService: string
  readonly fetch: typeof fetch
  /** The built app to start; `out/` (from `npm run build`) unless a copy is given, as the benchmarks do. */
  readonly files?: AppEnvironment['files']
}

/**
 * The desktop harness's own driver: the app's composition function (the one main/index.ts calls) started in
 * this process, with stand-ins for Electron's native surfaces and real Chromium pages for its windows.
 */
export function standInDriver(browser: Browser, machine: MachineSetup): DesktopDriver {
  const locks = new InstanceLocks()
  const clipboard = new ClipboardStandIn()
  const runs: StandInRun[] = []
  let clockOffset = 0
  const timers: AppEnvironment['timers'] = {
    now: () => Date.now() + clockOffset,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle),
  }
  return {
    launch: async (options = {}) => {
      const run = await launchStandIns(browser, machine, { locks, clipboard, timers }, options)
      runs.push(run)
      return run
    },
    clipboardText: () => clipboard.readText(),
    setClipboardText: (text) => clipboard.writeText(text),
    jumpClock: (ms) => {
      clockOffset += ms
    },
    close: async () => {
      for (const run of runs) await run.dispose()
    },
  }
}

interface Shared {
  readonly locks: InstanceLocks
  readonly clipboard: ClipboardStandIn
  readonly timers: AppEnvironment['timers']
}

type StandInRun = AppRun & { dispose(): Promise<void> }

async function launchStandIns(
  browser: Browser,
  machine: MachineSetup,
  shared: Shared,
  options: LaunchOptions,
): Promise<StandInRun> {
  const argv = [
    'electron',
    'out/main/index.js',
    `--user-data-dir=${machine.dataDir}`,
    ...(options.args ?? []),
  ]
  // Electron makes the userData folder before the app's code runs.
  mkdirSync(machine.dataDir, { recursive: true })
  const app = new AppStandIn(shared.locks, {
    userData: machine.dataDir,
    argv,
    packaged: options.packaged === true,
  })
  const context = await browser.newContext()
  const protocol = new ProtocolStandIn()
  const ipcMain = new IpcMainStandIn()
  const windows = new WindowSystem({
    context,
    protocol,
    ipcMain,
    webContentsCreated: (contents) => app.emitWebContentsCreated(contents),
  })
  await windows.install()
  const trays: TrayStandIn[] = []
  const menus = new MenuStatics()
  const shown: ShownNotification[] = []
  const power = new PowerMonitorStandIn()
  const shortcuts = new GlobalShortcutStandIn()
  const errors: string[] = []
  const said: string[] = []
  const electron: ElectronApi = {
    app,
    BrowserWindow: windows.BrowserWindow,
    Tray: class extends TrayStandIn {
      constructor(...args: ConstructorParameters<typeof TrayStandIn>) {
        super(...args)
        trays.push(this)
      }
    },
    Menu: menus,
    clipboard: shared.clipboard,
    Notification: notificationClass(shown),
    ipcMain,
    powerMonitor: power,
    globalShortcut: shortcuts,
    nativeTheme: new NativeThemeStandIn(),
    protocol,
    session: { defaultSession: new SessionStandIn((script) => windows.addPreload(script)) },
    screen: screenStandIn,
    shell: new ShellStandIn(),
    dialog: new DialogStandIn(),
    nativeImage: nativeImageStandIn,
  }
  const environment: AppEnvironment = {
    argv,
    platform: process.platform,
    env: {},
    home: machine.home,
    execPath: process.execPath,
    keychainService: machine.keychainService,
    files: machine.files ?? BUILT,
    timers: shared.timers,
    fetch: machine.fetch,
    logError: (error) => {
      errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error))
      console.error('the app logged:', error)
    },
    writeError: (text) => said.push(text),
    terminal: true,
  }

  const started = composeApp(electron, environment)
  // Electron becomes ready after the main script's first turn; so do the stand-ins.
  await Promise.resolve()
  protocol.becomeReady()
  app.becomeReady()
  await started

  const tray = (): TrayStandIn => {
    const live = trays.find((t) => !t.destroyed)
    if (live === undefined) throw new Error('the app has no tray icon')
    return live
  }
  const window = () => {
    const found = windows.windows.find((w) => !w.destroyed)
    if (found === undefined) throw new Error('the app has no window')
    return found
  }
  const latestNotification = (title: string | RegExp): ShownNotification | undefined =>
    shown.findLast((n) => (typeof title === 'string' ? n.title === title : title.test(n.title)))

  return {
    window: async () => {
      const shown = window()
      await shown.loaded
      return shown.page
    },
    windowShown: () => Promise.resolve(windows.windows.some((w) => !w.destroyed && w.visible)),
    closeWindow: () => window().close(),
    trayItems: () => Promise.resolve(seenItems(tray().menu?.template ?? [])),
    trayTooltip: () => Promise.resolve(tray().tooltip),
    clickTray: (...path) => {
      const item = findItem(tray().menu?.template ?? [], path)
      if (item === undefined) throw new Error(`the tray menu has no item ${path.map(String).join(' › ')}`)
      if (item.enabled === false) throw new Error(`the tray item ${path.map(String).join(' › ')} is disabled`)
      const click = item.click as (() => void) | undefined
      click?.()
      return Promise.resolve()
    },
    notifications: () =>
      Promise.resolve(shown.map((n): SeenNotification => ({ title: n.title, body: n.body }))),
    clickNotification: (title) => {
      const notification = latestNotification(title)
      if (notification === undefined) throw new Error(`no notification titled ${String(title)}`)
      notification.click()
      return Promise.resolve()
    },
    power: (event) => {
      power.emit(event)
      return Promise.resolve()
    },
    shortcuts: () => Promise.resolve([...shortcuts.registered.keys()]),
    pressShortcut: (accelerator) => Promise.resolve(shortcuts.press(accelerator)),
    quit: () => {
      app.quit()
      return app.ending()
    },
    ended: () => app.ending(),
    loggedErrors: () => errors,
    saidOnStderr: () => said,
    dispose: async () => {
      // A window still loading when a test ends would only log that its page went away.
      await Promise.race([
        Promise.all(windows.windows.map((w) => w.loaded)),
        new Promise((resolve) => setTimeout(resolve, 5000)),
      ])
      if (!app.exited) {
        app.quit()
        await app.ending()
      }
      await context.close()
    },
  }
}
