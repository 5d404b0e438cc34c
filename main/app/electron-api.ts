import type {
  App,
  Event,
  BrowserWindowConstructorOptions,
  Clipboard,
  Dialog,
  GlobalShortcut,
  Menu,
  MenuItemConstructorOptions,
  NativeImage,
  NativeTheme,
  Protocol,
  Screen,
  Session,
  Shell,
  Tray,
  WebContents,
} from 'electron'
import type { Clock } from '../core/clock'
import type { IpcMainPort } from '../shell/bridge/ipc-registration'
import type { AppWindow } from '../shell/window/main-window'
import type { NotificationClass } from '../shell/notifications/notifier'
import type { Timers } from '../shell/timers'

/**
 * The part of Electron's API the app uses, each surface narrowed to the members it calls and typed by
 * Electron's own declarations (`electron.d.ts`). The real `electron` module fits as it is; the desktop
 * harness (`e2e/harness/`) passes stand-ins for the native surfaces, which must fit the same types, so a call
 * the real API would reject does not compile in either.
 */
export interface ElectronApi {
  readonly app: Pick<
    App,
    | 'setName'
    | 'setPath'
    | 'getPath'
    | 'requestSingleInstanceLock'
    | 'enableSandbox'
    | 'whenReady'
    | 'quit'
    | 'exit'
    | 'isPackaged'
    | 'getLoginItemSettings'
    | 'setLoginItemSettings'
    | 'setAppUserModelId'
    | 'hide'
  > & {
    readonly commandLine: Pick<App['commandLine'], 'hasSwitch'>
    on(event: 'second-instance' | 'activate' | 'will-quit', listener: () => void): unknown
    on(event: 'before-quit', listener: (event: Event) => void): unknown
    on(event: 'web-contents-created', listener: (event: Event, contents: WebContents) => void): unknown
  }
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => AppWindow
  readonly Tray: new (image: NativeImage) => AppTray
  readonly Menu: {
    buildFromTemplate(template: MenuItemConstructorOptions[]): Menu
    setApplicationMenu(menu: Menu | null): void
  }
  readonly clipboard: Pick<Clipboard, 'readText' | 'writeText'>
  readonly Notification: NotificationClass
  readonly ipcMain: IpcMainPort
  readonly powerMonitor: {
    on(event: 'resume' | 'suspend' | 'unlock-screen', listener: () => void): unknown
  }
  readonly globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>
  readonly nativeTheme: Pick<NativeTheme, 'shouldUseDarkColors' | 'themeSource'> & {
    on(event: 'updated', listener: () => void): unknown
  }
  readonly protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>
  readonly session: {
    readonly defaultSession: Pick<
      Session,
      | 'setPermissionRequestHandler'
      | 'setPermissionCheckHandler'
      | 'setDevicePermissionHandler'
      | 'registerPreloadScript'
    >
  }
  readonly screen: Pick<Screen, 'getPrimaryDisplay' | 'getAllDisplays'>
  readonly shell: Pick<Shell, 'openExternal'>
  readonly dialog: Pick<Dialog, 'showErrorBox'>
  readonly nativeImage: {
    createFromBuffer(buffer: Buffer, options: { scaleFactor: number }): NativeImage
  }
}

/** The app's tray icon. */
export type AppTray = Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'destroy'> & {
  on(event: 'click', listener: () => void): unknown
}

/** Where and how the app runs: everything the composition would otherwise read from the process. */
export interface AppEnvironment {
  /** The command line (process.argv). */
  readonly argv: readonly string[]
  readonly platform: NodeJS.Platform
  /** Environment variables (process.env). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The person's home folder. */
  readonly home: string
  /** The app's own executable (process.execPath). */
  readonly execPath: string
  /** The keychain service name the app's entries live under. */
  readonly keychainService: string
  /** The built app's files. */
  readonly files: {
    /** out/renderer: the page the window loads through the app scheme. */
    readonly renderer: string
    /** out/preload/index.cjs. */
    readonly preload: string
    /** resources/tray: the tray icons. */
    readonly trayIcons: string
  }
  /** Wall time and timers for the shell and the engine. */
  readonly timers: Timers & Clock
  /** Node's fetch, for every call to api.video. */
  readonly fetch: typeof fetch
  /** Where errors nobody can act on are written (stderr). */
  readonly logError: (error: unknown) => void
  /** Writes a line for the person to stderr. */
  readonly writeError: (text: string) => void
  /** Whether stderr reaches a person; without a terminal, a refusal to start is also shown in a dialog. */
  readonly terminal: boolean
}
