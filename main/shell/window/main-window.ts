import type { BrowserWindowConstructorOptions, BrowserWindow as ElectronWindow, Screen } from 'electron'
import { EVENT_CHANNEL } from '../../ipc/channels'
import type { AppEvent } from '../../ipc/contract'
import { placeWindow } from './bounds'
import { backgroundColorFor, MIN_WINDOW_SIZE, windowGeometry } from './options'
import { loadWindowState, saveWindowState } from './state-file'

/** The parts of a BrowserWindow the app uses. */
export type AppWindow = Pick<
  ElectronWindow,
  | 'show'
  | 'hide'
  | 'focus'
  | 'isMinimized'
  | 'isVisible'
  | 'restore'
  | 'maximize'
  | 'isMaximized'
  | 'getNormalBounds'
  | 'loadURL'
  | 'setBackgroundColor'
  | 'isDestroyed'
> & {
  readonly webContents: Pick<ElectronWindow['webContents'], 'id' | 'send' | 'isDestroyed'>
  once(event: 'ready-to-show', listener: () => void): unknown
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown
}

/** What the main window is made from. */
export interface MainWindowDeps {
  /** Electron's BrowserWindow class (a fake in tests). */
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => AppWindow
  /** Whether the window has developer tools at all: only in development, never in a release build. */
  readonly devTools: boolean
  readonly screen: Pick<Screen, 'getPrimaryDisplay' | 'getAllDisplays'>
  /** Electron's nativeTheme: the dark-mode flag and its change event. */
  readonly nativeTheme: {
    readonly shouldUseDarkColors: boolean
    on(event: 'updated', listener: () => void): unknown
  }
  readonly title: string
  readonly url: string
  /** The JSON file in userData that remembers size and position. */
  readonly statePath: string
  /** True once the app is quitting: closing then really closes instead of hiding to the tray. */
  readonly isQuitting: () => boolean
  /** Called each time closing the window hides it to the tray while the app keeps running. */
  readonly onHiddenToTray: () => void
  readonly onError: (error: unknown) => void
}

/**
 * The app's one window: opened where it was last (kept on screen), shown when its page is ready unless the
 * app started hidden, hidden to the tray when closed, and the one place events are sent to.
 */
export class MainWindow {
  /** Requests made before the page could listen, by kind; undefined once it listens. */
  private waiting: Map<AppEvent['type'], AppEvent> | undefined = new Map()

  private constructor(
    private readonly window: AppWindow,
    private readonly deps: MainWindowDeps,
    private maximizeOnShow: boolean,
  ) {}

  /** Creates the window and starts loading the renderer. */
  static async open(deps: MainWindowDeps, visible: boolean): Promise<MainWindow> {
    const primary = deps.screen.getPrimaryDisplay()
    const others = deps.screen.getAllDisplays().filter((display) => display.id !== primary.id)
    const placement = placeWindow(
      await loadWindowState(deps.statePath),
      [primary.workArea, ...others.map((display) => display.workArea)],
      MIN_WINDOW_SIZE,
    )
    // Called as `new BrowserWindow({…})` with the preferences written out in the call: the form the hardening
    // audit (electronegativity) reads, in this file and in the build.
    const { BrowserWindow } = deps
    const window = new BrowserWindow({
      ...windowGeometry({
        title: deps.title,
        backgroundColor: backgroundColorFor(deps.nativeTheme.shouldUseDarkColors),
        placement,
      }),
      // Every security-relevant preference is spelled out even where it is Electron's default, so a change
      // of default or a careless edit shows up in review, in the unit test and in the audit.
      webPreferences: {
        // No `preload` here: the preload is registered on the session for the renderer's origin only
        // (main/shell/web/preload.ts), so it never runs in a page from anywhere else.
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        // A middle click on a link would ask for a new window; setWindowOpenHandler refuses it anyway, and
        // without the auxclick event the page cannot even try.
        disableBlinkFeatures: 'Auxclick',
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
        devTools: deps.devTools,
      },
    })
    // maximize() also shows a window, so it waits until the window is meant to be seen.
    const main = new MainWindow(window, deps, placement.maximized)
    window.once('ready-to-show', () => {
      main.pageReady()
      if (visible) main.show()
    })
    window.on('close', (event) => {
      if (deps.isQuitting()) return
      event.preventDefault()
      main.saveState().catch(deps.onError)
      window.hide()
      deps.onHiddenToTray()
    })
    deps.nativeTheme.on('updated', () => {
      window.setBackgroundColor(backgroundColorFor(deps.nativeTheme.shouldUseDarkColors))
    })
    window.loadURL(deps.url).catch(deps.onError)
    return main
  }

  /** Shows, restores and focuses the window. */
  show(): void {
    if (this.window.isDestroyed()) return
    if (this.window.isMinimized()) this.window.restore()
    if (this.maximizeOnShow) {
      this.maximizeOnShow = false
      this.window.maximize()
    }
    this.window.show()
    this.window.focus()
  }

  /** Whether the window is on screen: shown, and not minimised. */
  isShown(): boolean {
    return !this.window.isDestroyed() && this.window.isVisible() && !this.window.isMinimized()
  }

  /** Hides the window (to the tray), as closing it does, without the notice about where the app went. */
  hide(): void {
    if (!this.window.isDestroyed()) this.window.hide()
  }

  /**
   * Sends an event to the renderer on the one event channel. A request (show a profile, open quick copy)
   * made before the page has drawn, and so before it listens, waits until then, the latest of each kind;
   * state events go at once, as the page reads the whole state itself when it starts.
   */
  send(event: AppEvent): void {
    if (this.waiting !== undefined && (event.type === 'navigate' || event.type === 'open-palette')) {
      this.waiting.set(event.type, event)
      return
    }
    if (this.window.isDestroyed() || this.window.webContents.isDestroyed()) return
    this.window.webContents.send(EVENT_CHANNEL, event)
  }

  /** The page has drawn: the requests made before it could listen are sent now. */
  private pageReady(): void {
    const waiting = [...(this.waiting?.values() ?? [])]
    this.waiting = undefined
    for (const event of waiting) this.send(event)
  }

  /** The id of the window's web contents, for the IPC sender check. */
  webContentsId(): number | undefined {
    return this.window.isDestroyed() ? undefined : this.window.webContents.id
  }

  /** Remembers the window's size, position and maximised state. */
  async saveState(): Promise<void> {
    if (this.window.isDestroyed()) return
    await saveWindowState(this.deps.statePath, {
      bounds: this.window.getNormalBounds(),
      maximized: this.window.isMaximized(),
    })
  }
}
