import type { BrowserWindow, BrowserWindowConstructorOptions, Screen } from 'electron'
import { EVENT_CHANNEL, type AppEvent } from '../ipc/contract'
import { placeWindow } from './window-bounds'
import { backgroundColorFor, MIN_WINDOW_SIZE, windowOptions } from './window-options'
import { loadWindowState, saveWindowState } from './window-state-file'

/** The parts of a BrowserWindow the app uses. */
export type AppWindow = Pick<
  BrowserWindow,
  | 'on'
  | 'once'
  | 'show'
  | 'hide'
  | 'focus'
  | 'isMinimized'
  | 'restore'
  | 'maximize'
  | 'isMaximized'
  | 'getNormalBounds'
  | 'loadURL'
  | 'setBackgroundColor'
  | 'isDestroyed'
> & { readonly webContents: Pick<BrowserWindow['webContents'], 'id' | 'send' | 'isDestroyed'> }

/** What the main window is made from. */
export interface MainWindowDeps {
  readonly createWindow: (options: BrowserWindowConstructorOptions) => AppWindow
  readonly screen: Pick<Screen, 'getPrimaryDisplay' | 'getAllDisplays'>
  /** Electron's nativeTheme: the dark-mode flag and its change event. */
  readonly nativeTheme: {
    readonly shouldUseDarkColors: boolean
    on(event: 'updated', listener: () => void): unknown
  }
  readonly title: string
  readonly preload: string
  readonly url: string
  /** The JSON file in userData that remembers size and position. */
  readonly statePath: string
  /** True once the app is quitting: closing then really closes instead of hiding to the tray. */
  readonly isQuitting: () => boolean
  readonly onError: (error: unknown) => void
}

/**
 * The app's one window: opened where it was last (kept on screen), shown when its page is ready unless the
 * app started hidden, hidden to the tray when closed, and the one place events are sent to.
 */
export class MainWindow {
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
    const window = deps.createWindow(
      windowOptions({
        title: deps.title,
        preload: deps.preload,
        backgroundColor: backgroundColorFor(deps.nativeTheme.shouldUseDarkColors),
        placement,
      }),
    )
    // maximize() also shows a window, so it waits until the window is meant to be seen.
    const main = new MainWindow(window, deps, placement.maximized)
    window.once('ready-to-show', () => {
      if (visible) main.show()
    })
    window.on('close', (event) => {
      if (deps.isQuitting()) return
      event.preventDefault()
      main.saveState().catch(deps.onError)
      window.hide()
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

  /** Sends an event to the renderer on the one event channel. */
  send(event: AppEvent): void {
    if (this.window.isDestroyed() || this.window.webContents.isDestroyed()) return
    this.window.webContents.send(EVENT_CHANNEL, event)
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
