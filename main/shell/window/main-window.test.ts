import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserWindowConstructorOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { tempDir } from '../../testing/temp-dir'
import { EVENT_CHANNEL } from '../../ipc/channels'
import type { AppState } from '../../ipc/contract'
import { MainWindow, type MainWindowDeps } from './main-window'
import { saveWindowState } from './state-file'

/** A BrowserWindow reduced to its visible state and events. */
class FakeWindow extends EventEmitter {
  visible = false
  minimized = false
  maximized = false
  focused = 0
  loaded: string | undefined
  background: string | undefined
  readonly webContents = { id: 11, send: vi.fn(), isDestroyed: () => false }
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
  }
  show(): void {
    this.visible = true
  }
  hide(): void {
    this.visible = false
  }
  focus(): void {
    this.focused += 1
  }
  isMinimized(): boolean {
    return this.minimized
  }
  isVisible(): boolean {
    return this.visible
  }
  restore(): void {
    this.minimized = false
  }
  maximize(): void {
    this.maximized = true
    this.visible = true
  }
  isMaximized(): boolean {
    return this.maximized
  }
  getNormalBounds() {
    return { x: 50, y: 60, width: 800, height: 600 }
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url
    return Promise.resolve()
  }
  setBackgroundColor(color: string): void {
    this.background = color
  }
  isDestroyed(): boolean {
    return false
  }
  /** The person clicks the close button; true when the window really closes. */
  clickClose(): boolean {
    let prevented = false
    this.emit('close', { preventDefault: () => (prevented = true) })
    return !prevented
  }
}

let dir: ReturnType<typeof tempDir>
beforeEach(() => (dir = tempDir()))
afterEach(() => dir.remove())

async function open(visible = true, quitting = false, devTools = false) {
  const created: FakeWindow[] = []
  const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false })
  const workArea = { x: 0, y: 0, width: 1920, height: 1080 }
  /** Stands in for Electron's BrowserWindow class, keeping the window it made. */
  class FakeBrowserWindow extends FakeWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      super(options)
      created.push(this)
    }
  }
  const deps: MainWindowDeps = {
    BrowserWindow: FakeBrowserWindow,
    devTools,
    screen: {
      getPrimaryDisplay: () =>
        ({ id: 1, workArea }) as ReturnType<MainWindowDeps['screen']['getPrimaryDisplay']>,
      getAllDisplays: () => [],
    },
    nativeTheme,
    title: 'api.video Credential Manager',
    url: 'app://renderer/index.html',
    statePath: join(dir.path, 'window-state.json'),
    isQuitting: () => quitting,
    onHiddenToTray: vi.fn(),
    onError: vi.fn(),
  }
  const main = await MainWindow.open(deps, visible)
  const [window] = created
  if (window === undefined || created.length > 1) throw new Error('not exactly one window created')
  return { main, window, nativeTheme, deps }
}

const APP_STATE: AppState = {
  version: '1.0.0',
  platform: 'linux',
  problems: [],
  shortcutError: null,
  demoRunning: false,
  endpoints: {},
}

describe('MainWindow', () => {
  it('opens with every security flag of the checklist, and no developer tools in production', async () => {
    const { window } = await open()
    expect(window.options.webPreferences).toEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    })
    const development = await open(true, false, true)
    expect(development.window.options.webPreferences?.devTools).toBe(true)
  })

  it('loads the renderer hidden, and shows it once ready', async () => {
    const { window } = await open()
    expect(window.options).toMatchObject({ show: false, backgroundColor: '#f5f6f8', minWidth: 640 })
    expect(window.loaded).toBe('app://renderer/index.html')
    expect(window.visible).toBe(false)
    window.emit('ready-to-show')
    expect(window.visible).toBe(true)
  })

  it('stays hidden when started at login', async () => {
    const { window } = await open(false)
    window.emit('ready-to-show')
    expect(window.visible).toBe(false)
  })

  it('hides to the tray on close, remembering its place, and really closes when quitting', async () => {
    const { window, deps } = await open()
    window.emit('ready-to-show')
    expect(window.clickClose()).toBe(false)
    expect(window.visible).toBe(false)
    expect(deps.onHiddenToTray).toHaveBeenCalledOnce()
    await vi.waitFor(() => {
      expect(JSON.parse(readFileSync(join(dir.path, 'window-state.json'), 'utf8'))).toEqual({
        bounds: { x: 50, y: 60, width: 800, height: 600 },
        maximized: false,
      })
    })
    const quitting = await open(true, true)
    expect(quitting.window.clickClose()).toBe(true)
    expect(quitting.deps.onHiddenToTray).not.toHaveBeenCalled()
  })

  it('reopens where it was, maximised only when shown', async () => {
    await saveWindowState(join(dir.path, 'window-state.json'), {
      bounds: { x: 100, y: 120, width: 1000, height: 700 },
      maximized: true,
    })
    const { main, window } = await open(false)
    expect(window.options).toMatchObject({ x: 100, y: 120, width: 1000, height: 700 })
    expect(window.maximized).toBe(false)
    main.show()
    expect(window.maximized).toBe(true)
  })

  it('shows, restores and focuses on demand; sends events on the one channel', async () => {
    const { main, window } = await open(false)
    window.emit('ready-to-show')
    window.minimized = true
    main.show()
    expect([window.visible, window.minimized, window.focused]).toEqual([true, false, 1])
    main.send({ type: 'navigate', profileId: 'p1' })
    expect(window.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, { type: 'navigate', profileId: 'p1' })
    expect(main.webContentsId()).toBe(11)
  })

  it('keeps a request made before the page has drawn until it has, and sends state events at once', async () => {
    const { main, window } = await open(false)
    main.send({ type: 'open-palette' })
    main.send({ type: 'navigate', profileId: 'p1' })
    main.send({ type: 'navigate', profileId: 'p2' })
    main.send({ type: 'app', state: APP_STATE })
    expect(window.webContents.send.mock.calls).toEqual([[EVENT_CHANNEL, { type: 'app', state: APP_STATE }]])
    window.emit('ready-to-show')
    expect(window.webContents.send.mock.calls.slice(1)).toEqual([
      [EVENT_CHANNEL, { type: 'open-palette' }],
      [EVENT_CHANNEL, { type: 'navigate', profileId: 'p2' }],
    ])
    main.send({ type: 'open-palette' })
    expect(window.webContents.send).toHaveBeenLastCalledWith(EVENT_CHANNEL, { type: 'open-palette' })
  })

  it('follows the theme with its background', async () => {
    const { window, nativeTheme } = await open()
    nativeTheme.shouldUseDarkColors = true
    nativeTheme.emit('updated')
    expect(window.background).toBe('#0f1115')
  })
})
