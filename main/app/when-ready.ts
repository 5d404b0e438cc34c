import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { APP_NAME } from '../core/app-info'
import { startProxy } from '../core/proxy/proxy'
import { createKeytarKeychain } from '../core/secrets/keytar-keychain'
import { CredentialService } from '../core/service/service'
import { Demo } from '../demo/demo'
import { createDispatch } from '../ipc/dispatch'
import { createHandlers } from '../ipc/handlers'
import { AppEventBridge } from '../shell/bridge/app-events'
import { applicationMenuTemplate } from '../shell/window/app-menu'
import { isDevelopment, type RendererLocation } from '../shell/web/app-origin'
import { ClipboardGuard, electronTextClipboard } from '../shell/clipboard/guard'
import { LocalEndpoints } from '../shell/endpoints/local-endpoints'
import { PaletteSummons, ShortcutController } from '../shell/settings/global-shortcut'
import { registerIpc } from '../shell/bridge/ipc-registration'
import { applyLaunchAtLogin, autostartPath, startsHidden } from '../shell/settings/launch-at-login'
import { MainWindow } from '../shell/window/main-window'
import { AttentionWatcher, createNotifier } from '../shell/notifications/notifier'
import { watchPower } from '../shell/lifecycle/power'
import { createQuickCopy } from '../shell/clipboard/quick-copy'
import { registerPreload } from '../shell/web/preload'
import { quitAfterCleanup, type QuitCleanup } from '../shell/lifecycle/quit'
import { serveRenderer } from '../shell/web/renderer-protocol'
import { createTrayHint } from '../shell/tray/hint'
import { fileTrayHintStore, HINTS_FILE_NAME } from '../shell/tray/hint-file'
import { isTrustedSender } from '../shell/bridge/sender-check'
import { createSettingsApplier } from '../shell/settings/applier'
import { createShellPorts } from '../shell/bridge/handler-ports'
import { denyAllPermissions } from '../shell/web/guards'
import type { AppEnvironment, ElectronApi } from './electron-api'
import { startTray } from './tray'

/** What the tray and a notification say while quitting waits for a refresh to be saved. */
const QUIT_WAIT_MESSAGE = 'Finishing a token refresh before quitting, so the new token is saved.'

/**
 * The longest quitting waits for refreshes in flight. Each is already bounded by its request timeout and the
 * keychain's; this only keeps a wedged keychain from holding the app open forever.
 */
const QUIT_REFRESH_WAIT_MS = 120_000

/** Once Electron is ready: the menu, the engine, the window, IPC, tray, notifications, settings, power, quit. */
export async function startWhenReady(
  electron: ElectronApi,
  environment: AppEnvironment,
  location: RendererLocation,
): Promise<void> {
  const { app, Menu } = electron
  const { platform, timers, logError } = environment
  const development = isDevelopment({
    packaged: app.isPackaged,
    devServer: location.devServer,
    nodeEnv: environment.env['NODE_ENV'],
  })
  const openWindow = (profileId?: string): void => {
    summons.stay()
    window.show()
    if (profileId !== undefined) bridge.navigate(profileId)
  }
  // First of all, so Electron's default menu (reload, developer tools) is never live in production.
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(applicationMenuTemplate({ platform, appName: APP_NAME, development, openWindow })),
  )
  denyAllPermissions(electron.session.defaultSession)
  registerPreload(electron.session.defaultSession, environment.files.preload, location.origin)
  if (!location.devServer) {
    serveRenderer(electron.protocol, environment.files.renderer, (path) => readFile(path))
  }

  const userData = app.getPath('userData')
  const service = new CredentialService({
    dataDir: userData,
    keychain: createKeytarKeychain(environment.keychainService),
    clock: timers,
    fetch: environment.fetch,
  })
  await service.start()
  const demo = new Demo(service)

  let cleanup: QuitCleanup = { critical: () => Promise.resolve(), bestEffort: () => Promise.resolve() }
  let quitIsSlow = (): void => undefined
  const quit = quitAfterCleanup(
    app,
    { critical: () => cleanup.critical(), bestEffort: () => cleanup.bestEffort() },
    { timers, onError: logError, onSlow: () => quitIsSlow() },
  )
  const window = await MainWindow.open(
    {
      BrowserWindow: electron.BrowserWindow,
      screen: electron.screen,
      nativeTheme: electron.nativeTheme,
      title: APP_NAME,
      url: location.url,
      devTools: development,
      statePath: join(userData, 'window-state.json'),
      isQuitting: quit.quitting,
      onHiddenToTray: () => void trayHint(),
      onError: logError,
    },
    !startsHidden(environment.argv, platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin),
  )
  // The bridge reads the app state from the ports, which are wired below; it is only asked once they exist.
  const bridge = new AppEventBridge(
    (event) => window.send(event),
    () => ports.appState(),
  )
  const notify = createNotifier(electron.Notification, openWindow)
  const trayHint = createTrayHint({
    platform,
    notify,
    store: fileTrayHintStore(join(userData, HINTS_FILE_NAME)),
    onError: logError,
  })
  const guard = new ClipboardGuard(
    electronTextClipboard(electron.clipboard),
    () => service.settings().clipboardClearSeconds,
    timers,
    logError,
  )
  const quickCopy = createQuickCopy({ service, clipboard: guard, notify, now: () => timers.now() })
  const summons = new PaletteSummons({
    windowShown: () => window.isShown(),
    showWindow: () => window.show(),
    openPalette: () => bridge.openPalette(),
    stepBack: () => {
      window.hide()
      // On macOS hiding the window leaves the app active; hiding the app gives the focus back.
      if (platform === 'darwin') app.hide()
    },
  })
  const shortcut = new ShortcutController(electron.globalShortcut, () => summons.summon())
  const settingsApplier = createSettingsApplier({
    nativeTheme: electron.nativeTheme,
    shortcut,
    launchAtLogin: (enabled) =>
      applyLaunchAtLogin(enabled, {
        platform,
        packaged: app.isPackaged,
        app,
        name: APP_NAME,
        executable: environment.env['APPIMAGE'] ?? environment.execPath,
        autostartFile: autostartPath(environment.env, environment.home),
        writeFile: async (path, content) => {
          await mkdir(dirname(path), { recursive: true })
          await writeFile(path, content)
        },
        removeFile: (path) => rm(path, { force: true }),
      }),
    onApplied: () => bridge.publishAppState(),
    onError: logError,
  })
  // Until the tray exists (below), an endpoint that starts or stops only needs to tell the window.
  let endpointsChanged = (): void => bridge.publishAppState()
  const endpoints = new LocalEndpoints({
    service,
    startProxy,
    onChange: () => endpointsChanged(),
    onError: logError,
  })
  const ports = createShellPorts({
    service,
    clipboard: guard,
    endpoints,
    demo,
    platform,
    shortcutError: () => shortcut.error(),
    settingsApplied: () => settingsApplier.settled(),
    paletteCopied: () => summons.copied(),
    appStateMayHaveChanged: () => bridge.publishAppState(),
  })
  const unregisterIpc = registerIpc(
    electron.ipcMain,
    createDispatch(createHandlers(ports), logError),
    (event) => isTrustedSender(event, { webContentsId: window.webContentsId(), origin: location.origin }),
  )

  const tray = await startTray(electron, environment, {
    service,
    quickCopy,
    endpoints,
    clipboard: guard,
    openWindow,
    notify,
  })
  endpointsChanged = () => {
    bridge.publishAppState()
    tray.update()
  }
  const attention = new AttentionWatcher(
    async () => ({ profiles: await service.list(), problems: service.problems() }),
    notify,
    logError,
  )
  service.subscribe((event) => {
    bridge.forward(event)
    if (event.type === 'activity') return
    tray.update()
    void attention.check()
  })
  watchPower(electron.powerMonitor, () => {
    service.resume()
    tray.update()
  })
  app.on('second-instance', () => openWindow())
  app.on('activate', () => openWindow())
  quitIsSlow = () => {
    tray.say(QUIT_WAIT_MESSAGE)
    notify({ title: 'Quitting…', body: QUIT_WAIT_MESSAGE })
  }
  let endpointsStopped: Promise<void> = Promise.resolve()
  cleanup = {
    // A refresh in flight has already rotated the refresh token at api.video: the keychain must get the new
    // one before the app goes. Local endpoints stop first, at once: they get no token from now on, so none
    // can start a refresh after the wait below. Then the clipboard: closed to new copies, cleared after the
    // last write (an endpoint's URL too).
    critical: async () => {
      endpointsStopped = endpoints.stopAll() // redraws the tray without them: before it stops redrawing
      tray.stop()
      shortcut.release()
      await service.idle(QUIT_REFRESH_WAIT_MS)
      service.stop()
      await guard.closeAndClear()
    },
    bestEffort: async () => {
      unregisterIpc()
      await window.saveState()
      // Requests already through an endpoint may finish (a short one will); an upload is not worth a hang.
      await endpointsStopped
      await demo.stop()
      tray.destroy()
    },
  }

  // From here on, the one path by which settings reach the theme, the shortcut and launch at login.
  await settingsApplier.follow(service)
  tray.update()
  void attention.check()
  bridge.publishAppState()
  await demo.resume().catch(logError)
  bridge.publishAppState()
}
