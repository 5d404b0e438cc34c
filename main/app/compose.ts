import { APP_NAME } from '../core/app-info'
import { defaultDataDir } from '../core/data-dir'
import { rendererLocation } from '../shell/web/app-origin'
import { refuseDebugSwitches } from '../shell/lifecycle/debug-switches'
import { registerAppScheme } from '../shell/web/renderer-protocol'
import { userDataPath } from '../shell/lifecycle/user-data'
import { guardAllWebContents } from '../shell/web/guards'
import { applyWindowsIdentity } from '../shell/notifications/windows-identity'
import type { AppEnvironment, ElectronApi } from './electron-api'
import { startWhenReady } from './when-ready'

/**
 * The app: one function from Electron's API and the environment to a running app. `main/index.ts` calls it
 * with the real `electron` module; the desktop harness calls it with stand-ins for the native surfaces. It
 * only wires: every decision lives in main/shell's pure helpers, every Electron call in its adapters.
 *
 * Before the app is ready: no debugging switches in a packaged app, identity, the shared data folder, the single-instance lock, the sandbox, the app
 * scheme and the guards on every web contents. Resolves once the app has started (or failed to, which it
 * reports and exits on), or at once when another instance already runs.
 */
export async function composeApp(electron: ElectronApi, environment: AppEnvironment): Promise<void> {
  const { app } = electron
  if (
    refuseDebugSwitches({
      app,
      argv: environment.argv,
      writeError: environment.writeError,
      showErrorBox: (title, content) => electron.dialog.showErrorBox(title, content),
      terminal: environment.terminal,
    })
  ) {
    return
  }
  applyWindowsIdentity(app, environment.platform)
  app.setName(APP_NAME)
  app.setPath(
    'userData',
    userDataPath({
      hasUserDataSwitch: app.commandLine.hasSwitch('user-data-dir'),
      electronPath: app.getPath('userData'),
      sharedDataDir: defaultDataDir({
        platform: environment.platform,
        env: environment.env,
        home: environment.home,
      }),
    }),
  )
  if (!app.requestSingleInstanceLock()) {
    // The first instance gets `second-instance` and shows its window; this one starts nothing.
    app.quit()
    return
  }
  app.enableSandbox()
  registerAppScheme(electron.protocol)
  const location = rendererLocation({
    devServerUrl: environment.env['ELECTRON_RENDERER_URL'],
    packaged: app.isPackaged,
  })
  guardAllWebContents(app, location.origin, electron.shell)
  try {
    await app.whenReady()
    await startWhenReady(electron, environment, location)
  } catch (error) {
    environment.logError(error)
    electron.dialog.showErrorBox(
      APP_NAME,
      `The app could not start: ${error instanceof Error ? error.message : String(error)}`,
    )
    app.exit(1)
  }
}
