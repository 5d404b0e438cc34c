import type { Page } from '@playwright/test'
import type {
  BrowserWindowConstructorOptions,
  Event,
  HandlerDetails,
  Rectangle,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron'
import { EventEmitter } from 'node:events'
import type { AppWindow } from '../../../main/shell/window/main-window'
import { toPageUrl } from './origin'

/** A `preventDefault`-able event, shaped like Electron's. */
function preventable(): { readonly event: Event; readonly prevented: () => boolean } {
  let prevented = false
  const event = { preventDefault: () => (prevented = true), defaultPrevented: false } as unknown as Event
  return { event, prevented: () => prevented }
}

/** A web contents: its id, the app's messages to its page, and the guards' hooks. */
export class WebContentsStandIn implements Pick<
  WebContents,
  'id' | 'send' | 'isDestroyed' | 'setWindowOpenHandler'
> {
  private readonly events = new EventEmitter()
  private openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined
  private sending: Promise<unknown> = Promise.resolve()
  destroyed = false

  constructor(
    readonly id: number,
    private readonly page: Promise<Page> | undefined,
  ) {}

  on(event: string, listener: (...args: never[]) => void): this {
    this.events.on(event, listener as unknown as (...args: unknown[]) => void)
    return this
  }

  /** Delivers a message to the page's preload, in order, as Electron does. */
  send(channel: string, ...args: unknown[]): void {
    const page = this.page
    if (this.destroyed || page === undefined) return
    this.sending = this.sending
      .then(async () => {
        const target = await page
        await target.evaluate(
          ([c, a]) => {
            const ipc = (
              globalThis as Record<symbol, { deliver(c: string, a: unknown[]): void } | undefined>
            )[Symbol.for('avcm.harness.ipc')]
            ipc?.deliver(c, a)
          },
          [channel, args] as const,
        )
      })
      .catch(() => undefined) // a page that navigated or closed misses the message, as in Electron
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler
  }

  /** What the page's `window.open(url)` gets: the app's handler decides; no handler allows. */
  windowOpen(url: string): WindowOpenHandlerResponse['action'] {
    const handler = this.openHandler
    if (handler === undefined) return 'allow'
    return handler({
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'default' },
    }).action
  }

  /** Asks the app's `will-navigate` and `will-frame-navigate` listeners; true when one prevented it. */
  willNavigate(url: string): boolean {
    const { event, prevented } = preventable()
    const details = Object.assign(event, { url, isMainFrame: true })
    this.events.emit('will-navigate', details, url)
    this.events.emit('will-frame-navigate', details)
    return prevented()
  }
}

/** One app window: a real Chromium page, loaded through the app's protocol handler, running the built preload. */
export class BrowserWindowStandIn implements AppWindow {
  readonly webContents: WebContentsStandIn
  readonly page: Promise<Page>
  private readonly events = new EventEmitter()
  private bounds: Rectangle
  visible = false
  focused = false
  minimized = false
  maximized = false
  destroyed = false
  background: string
  /** Resolves once the first `loadURL` has loaded its page. */
  readonly loaded: Promise<void>
  private markLoaded: () => void = () => undefined
  /** The page, once it exists. */
  pageNow: Page | undefined
  /** The URL `loadURL` is loading, so the harness can tell it from a navigation the page starts. */
  loading: string | undefined

  constructor(
    readonly options: BrowserWindowConstructorOptions,
    id: number,
    page: Promise<Page>,
  ) {
    this.page = page
    this.loaded = new Promise((resolve) => {
      this.markLoaded = resolve
    })
    void page.then((p) => (this.pageNow = p))
    this.webContents = new WebContentsStandIn(id, page)
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    }
    this.background = options.backgroundColor ?? '#ffffff'
    this.visible = options.show !== false
  }

  on(event: string, listener: (...args: never[]) => void): this {
    this.events.on(event, listener as unknown as (...args: unknown[]) => void)
    return this
  }

  once(event: string, listener: (...args: never[]) => void): this {
    this.events.once(event, listener as unknown as (...args: unknown[]) => void)
    return this
  }

  show(): void {
    this.visible = true
    this.focused = true
  }

  hide(): void {
    this.visible = false
    this.focused = false
  }

  isVisible(): boolean {
    return this.visible
  }

  focus(): void {
    this.focused = true
  }

  isMinimized(): boolean {
    return this.minimized
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

  getNormalBounds(): Rectangle {
    return this.bounds
  }

  setBackgroundColor(backgroundColor: string): void {
    this.background = backgroundColor
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.page
    this.loading = toPageUrl(url)
    try {
      await page.goto(this.loading, { waitUntil: 'load' })
    } finally {
      this.loading = undefined
    }
    this.markLoaded()
    this.events.emit('ready-to-show')
  }

  /** What a person closing the window does: `close` (which the app may prevent), else the window is gone. */
  async close(): Promise<void> {
    const { event, prevented } = preventable()
    this.events.emit('close', event)
    if (prevented()) return
    this.destroyed = true
    this.webContents.destroyed = true
    this.visible = false
    await (await this.page).close()
    this.events.emit('closed')
  }
}
