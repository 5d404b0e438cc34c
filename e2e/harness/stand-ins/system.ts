import type {
  Display,
  NativeImage,
  NotificationConstructorOptions,
  PreloadScriptRegistration,
  Session,
} from 'electron'
import { EventEmitter } from 'node:events'
import type { ElectronApi } from '../../../main/app/electron-api'

type Clipboardish = ElectronApi['clipboard']
type PowerMonitorish = ElectronApi['powerMonitor']
type Shortcutish = ElectronApi['globalShortcut']
type Themeish = ElectronApi['nativeTheme']
type Shellish = ElectronApi['shell']
type Dialogish = ElectronApi['dialog']

/** The system clipboard: plain text in memory, shared by every launch on the machine. */
export class ClipboardStandIn implements Clipboardish {
  text = ''

  readText(): Promise<string> {
    return Promise.resolve(this.text)
  }

  writeText(text: string): Promise<void> {
    this.text = text
    return Promise.resolve()
  }
}

/** A desktop notification the app showed. */
export interface ShownNotification {
  readonly title: string
  readonly body: string
  /** What a person clicking it does. */
  click(): void
}

/** Electron's Notification class for one launch: every notification shown is recorded and clickable. */
export function notificationClass(shown: ShownNotification[]): ElectronApi['Notification'] {
  return class NotificationStandIn extends EventEmitter {
    constructor(private readonly options: NotificationConstructorOptions) {
      super()
    }

    static isSupported(): boolean {
      return true
    }

    show(): void {
      shown.push({
        title: this.options.title ?? '',
        body: this.options.body ?? '',
        click: () => this.emit('click'),
      })
    }
  }
}

/** Electron's powerMonitor: a test emits `resume`, `suspend` or `unlock-screen` as the system would. */
export class PowerMonitorStandIn extends EventEmitter implements PowerMonitorish {}

/** Electron's globalShortcut: registrations are recorded, and a test presses an accelerator. */
export class GlobalShortcutStandIn implements Shortcutish {
  readonly registered = new Map<string, () => void>()
  /** Accelerators another application holds: registering them fails, as Electron's does. */
  readonly takenByOthers = new Set<string>()

  register(accelerator: string, callback: () => void): boolean {
    if (this.takenByOthers.has(accelerator) || this.registered.has(accelerator)) return false
    this.registered.set(accelerator, callback)
    return true
  }

  unregister(accelerator: string): void {
    this.registered.delete(accelerator)
  }

  /** A person pressing the keys; false when the app holds no such shortcut. */
  press(accelerator: string): boolean {
    const callback = this.registered.get(accelerator)
    callback?.()
    return callback !== undefined
  }
}

/** Electron's nativeTheme: light by default; a test may switch the system to dark. */
export class NativeThemeStandIn extends EventEmitter implements Themeish {
  shouldUseDarkColors = false
  themeSource: 'system' | 'light' | 'dark' = 'system'
}

const DISPLAY: Display = {
  accelerometerSupport: 'unknown',
  bounds: { x: 0, y: 0, width: 1280, height: 800 },
  colorDepth: 24,
  colorSpace: 'srgb',
  depthPerComponent: 8,
  detected: true,
  displayFrequency: 60,
  id: 1,
  internal: true,
  label: 'harness display',
  maximumCursorSize: { width: 64, height: 64 },
  monochrome: false,
  nativeOrigin: { x: 0, y: 0 },
  rotation: 0,
  scaleFactor: 1,
  size: { width: 1280, height: 800 },
  touchSupport: 'unknown',
  workArea: { x: 0, y: 0, width: 1280, height: 770 },
  workAreaSize: { width: 1280, height: 770 },
}

/** Electron's screen: one 1280×800 display. */
export const screenStandIn: ElectronApi['screen'] = {
  getPrimaryDisplay: () => DISPLAY,
  getAllDisplays: () => [DISPLAY],
}

/** Electron's shell: URLs handed to the system browser are recorded. */
export class ShellStandIn implements Shellish {
  readonly opened: string[] = []

  openExternal(url: string): Promise<void> {
    this.opened.push(url)
    return Promise.resolve()
  }
}

/** Electron's dialog: error boxes are recorded. */
export class DialogStandIn implements Dialogish {
  readonly errors: { readonly title: string; readonly content: string }[] = []

  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content })
  }
}

/** A tray image: its bytes per scale factor. */
export class ImageStandIn {
  readonly representations = new Map<number, Buffer>()

  addRepresentation(options: { scaleFactor: number; buffer: Buffer }): void {
    this.representations.set(options.scaleFactor, options.buffer)
  }
}

/** Electron's nativeImage: images are opaque handles to the app, so the stand-in keeps only their bytes. */
export const nativeImageStandIn: ElectronApi['nativeImage'] = {
  createFromBuffer(buffer: Buffer, options: { scaleFactor: number }): NativeImage {
    const image = new ImageStandIn()
    image.addRepresentation({ scaleFactor: options.scaleFactor, buffer })
    return image as unknown as NativeImage
  },
}

type SessionSurface = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'registerPreloadScript'
>

/**
 * The default session: its permission hooks, kept so a test can ask them as Chromium would, and its preload
 * registrations, handed to the window system, which runs them in the session's pages.
 */
export class SessionStandIn implements SessionSurface {
  constructor(private readonly onPreload: (script: PreloadScriptRegistration) => void) {}

  registerPreloadScript(script: PreloadScriptRegistration): string {
    this.onPreload(script)
    return script.id ?? 'preload'
  }

  request: Parameters<Session['setPermissionRequestHandler']>[0] = null
  check: Parameters<Session['setPermissionCheckHandler']>[0] = null
  device: Parameters<Session['setDevicePermissionHandler']>[0] = null

  setPermissionRequestHandler(handler: Parameters<Session['setPermissionRequestHandler']>[0]): void {
    this.request = handler
  }

  setPermissionCheckHandler(handler: Parameters<Session['setPermissionCheckHandler']>[0]): void {
    this.check = handler
  }

  setDevicePermissionHandler(handler: Parameters<Session['setDevicePermissionHandler']>[0]): void {
    this.device = handler
  }
}
