import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray,
} from 'electron'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { APP_NAME } from './core/app-info'
import { defaultDataDir } from './core/data-dir'
import { keychainService } from './core/secrets/keychain'
import { createKeytarKeychain } from './core/secrets/keytar-store'
import { CredentialService } from './core/service/service'
import { Demo } from './demo/demo'
import { createDispatch } from './ipc/dispatch'
import { createHandlers } from './ipc/handlers'
import { AppEventBridge } from './shell/app-events'
import { applicationMenuTemplate } from './shell/app-menu'
import { isDevelopment, rendererLocation, type RendererLocation } from './shell/app-origin'
import { ClipboardGuard, electronTextClipboard } from './shell/clipboard-guard'
import { copyDefaultProfile, ShortcutController } from './shell/global-shortcut'
import { registerIpc } from './shell/ipc-registration'
import { applyLaunchAtLogin, autostartPath, startsHidden } from './shell/launch-at-login'
import { MainWindow } from './shell/main-window'
import { AttentionWatcher, createNotifier } from './shell/notifications'
import { watchPower } from './shell/power'
import { createQuickCopy } from './shell/quick-copy'
import { quitAfterCleanup } from './shell/quit'
import { registerAppScheme, serveRenderer } from './shell/renderer-protocol'
import { isTrustedSender } from './shell/sender-check'
import { createSettingsApplier } from './shell/settings-applier'
import { createShellPorts } from './shell/shell-ports'
import { systemTimers } from './shell/timers'
import { TrayPresenter } from './shell/tray'
import { createTrayActions } from './shell/tray-actions'
import { loadTrayIcons } from './shell/tray-icons'
import { userDataPath } from './shell/user-data'
import { denyAllPermissions, guardAllWebContents, refuseCertificateErrors } from './shell/web-guards'

/*
 * Composition root: wiring only. Every decision lives in main/shell's pure helpers and every Electron call in
 * its adapters, which take the Electron objects from here.
 */

const here = import.meta.dirname

function logError(error: unknown): void {
  console.error(error)
}

/** Before the app is ready: identity, shared data folder, single instance, sandbox, scheme and guards. */
function main(): void {
  app.setName(APP_NAME)
  app.setPath(
    'userData',
    userDataPath({
      hasUserDataSwitch: app.commandLine.hasSwitch('user-data-dir'),
      electronPath: app.getPath('userData'),
      sharedDataDir: defaultDataDir(),
    }),
  )
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.enableSandbox()
  registerAppScheme(protocol)
  const location = rendererLocation({
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    packaged: app.isPackaged,
  })
  refuseCertificateErrors(app)
  guardAllWebContents(app, location.origin, (url) => shell.openExternal(url))
  app
    .whenReady()
    .then(() => start(location))
    .catch((error: unknown) => {
      logError(error)
      dialog.showErrorBox(
        APP_NAME,
        `The app could not start: ${error instanceof Error ? error.message : String(error)}`,
      )
      app.exit(1)
    })
}

/** Once ready: the engine, the window, IPC, tray, notifications, settings, power and quitting. */
async function start(location: RendererLocation): Promise<void> {
  denyAllPermissions(session.defaultSession)
  if (!location.devServer) serveRenderer(protocol, join(here, '../renderer'), (path) => readFile(path))
  const userData = app.getPath('userData')
  const service = new CredentialService({
    dataDir: userData,
    keychain: createKeytarKeychain(keychainService()),
  })
  await service.start()
  const demo = new Demo(service)

  let cleanup = (): Promise<void> => Promise.resolve()
  const quit = quitAfterCleanup(app, () => cleanup(), systemTimers, logError)
  const window = await MainWindow.open(
    {
      createWindow: (options) => new BrowserWindow(options),
      screen,
      nativeTheme,
      title: APP_NAME,
      preload: join(here, '../preload/index.cjs'),
      url: location.url,
      statePath: join(userData, 'window-state.json'),
      isQuitting: quit.quitting,
      onError: logError,
    },
    !startsHidden(process.argv, process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin),
  )
  // The bridge reads the app state from the ports, which are wired below; it is only asked once they exist.
  const bridge = new AppEventBridge(
    (event) => window.send(event),
    () => ports.appState(),
  )
  const openWindow = (profileId?: string): void => {
    window.show()
    if (profileId !== undefined) bridge.navigate(profileId)
  }
  const notify = createNotifier(Notification, openWindow)
  const guard = new ClipboardGuard(
    electronTextClipboard(clipboard),
    () => service.settings().clipboardClearSeconds,
    systemTimers,
    logError,
  )
  const quickCopy = createQuickCopy({ service, clipboard: guard, notify, now: () => Date.now() })
  const copyDefault = copyDefaultProfile({
    settings: () => service.settings(),
    profiles: () => service.list(),
    quickCopy,
    notify,
  })
  const shortcut = new ShortcutController(globalShortcut, () => void copyDefault())
  const applySettings = createSettingsApplier({
    nativeTheme,
    shortcut,
    launchAtLogin: (enabled) =>
      applyLaunchAtLogin(enabled, {
        platform: process.platform,
        packaged: app.isPackaged,
        app,
        name: APP_NAME,
        executable: process.env['APPIMAGE'] ?? process.execPath,
        autostartFile: autostartPath(process.env, homedir()),
        writeFile: async (path, content) => {
          await mkdir(dirname(path), { recursive: true })
          await writeFile(path, content)
        },
        removeFile: (path) => rm(path, { force: true }),
      }),
  })
  const ports = createShellPorts({
    service,
    clipboard: guard,
    demo,
    platform: process.platform,
    shortcutError: () => shortcut.error(),
    applySettings,
    appStateMayHaveChanged: () => bridge.publishAppState(),
  })
  registerIpc(ipcMain, createDispatch(createHandlers(ports), logError), (event) =>
    isTrustedSender(event, { webContentsId: window.webContentsId(), origin: location.origin }),
  )

  const icons = await loadTrayIcons(nativeImage, join(here, '../../resources/tray'), (path) => readFile(path))
  const tray = new Tray(icons.ok)
  if (process.platform === 'win32') tray.on('click', () => openWindow())
  const runTrayAction = createTrayActions({ service, quickCopy, openWindow, quit: () => app.quit(), notify })
  const trayPresenter = new TrayPresenter({
    tray,
    setMenu: (template) => tray.setContextMenu(Menu.buildFromTemplate(template)),
    icons,
    run: (action) => void runTrayAction(action),
    state: () => ({ profiles: service.list(), problems: service.problems(), now: Date.now() }),
    timers: systemTimers,
    platform: process.platform,
  })
  const attention = new AttentionWatcher(
    () => ({ profiles: service.list(), problems: service.problems() }),
    notify,
  )

  service.subscribe((event) => {
    bridge.forward(event)
    if (event.type === 'activity') return
    trayPresenter.update()
    attention.check()
    if (event.type === 'settings')
      applySettings(event.settings).then(() => bridge.publishAppState(), logError)
  })
  watchPower(powerMonitor, () => {
    service.resume()
    trayPresenter.update()
  })
  const development = isDevelopment({
    packaged: app.isPackaged,
    devServer: location.devServer,
    nodeEnv: process.env['NODE_ENV'],
  })
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({ platform: process.platform, appName: APP_NAME, development, openWindow }),
    ),
  )
  app.on('second-instance', () => openWindow())
  app.on('activate', () => openWindow())
  cleanup = async () => {
    trayPresenter.stop()
    shortcut.release()
    await window.saveState().catch(logError)
    await guard.clearOnQuit().catch(logError)
    await service.idle()
    service.stop()
    await demo.stop()
    tray.destroy()
  }

  await applySettings(service.settings()).catch(logError)
  trayPresenter.update()
  attention.check()
  bridge.publishAppState()
  await demo.resume().catch(logError)
  bridge.publishAppState()
}

main()
