import type { App } from 'electron'

/**
 * The app's Windows AppUserModelID: electron-builder.yml's `appId`, which the NSIS installer puts on the
 * Start menu shortcut. Windows shows a toast only for an app whose id matches such a shortcut.
 */
export const APP_USER_MODEL_ID = 'video.api.credential-manager'

/**
 * On Windows, tells the system who the app is, so its notifications show; call before the first one. An
 * unpackaged build has no such shortcut, so its toasts may not show on Windows.
 */
export function applyWindowsIdentity(app: Pick<App, 'setAppUserModelId'>, platform: NodeJS.Platform): void {
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID)
}
