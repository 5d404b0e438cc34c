import type { BrowserContext, Frame, Page, Route } from '@playwright/test'
import type { BrowserWindowConstructorOptions, PreloadScriptRegistration } from 'electron'
import { readFileSync } from 'node:fs'
import type { IpcSender } from '../../../main/shell/bridge/sender-check'
import type { IpcMainStandIn } from './ipc-main'
import { PAGE_ORIGIN, toAppUrl, toPageUrl } from './origin'
import { preloadScript } from './preload'
import type { ProtocolStandIn } from './protocol'
import { BrowserWindowStandIn, WebContentsStandIn } from './window'

/** What a window shows once it has navigated away from the app (the harness reaches no other site). */
const OUTSIDE = '<!doctype html><title>Outside the app</title><h1>Another site</h1>'

/** Everything the app's windows live in: one browser context, the IPC bridge and the app scheme's routing. */
export class WindowSystem {
  readonly windows: BrowserWindowStandIn[] = []
  private nextId = 1
  private readonly others = new WeakMap<Page, WebContentsStandIn>()
  private preloading: Promise<void> = Promise.resolve()
  private readonly popupUrls: string[] = []
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowStandIn

  constructor(
    private readonly deps: {
      readonly context: BrowserContext
      readonly protocol: ProtocolStandIn
      readonly ipcMain: IpcMainStandIn
      readonly webContentsCreated: (contents: WebContentsStandIn) => void
    },
  ) {
    const open = (options: BrowserWindowConstructorOptions) => ({
      page: this.newWindowPage(options),
      id: this.nextId++,
    })
    const windows = this.windows
    this.BrowserWindow = class extends BrowserWindowStandIn {
      constructor(options: BrowserWindowConstructorOptions) {
        const { page, id } = open(options)
        super(options, id, page)
        windows.push(this)
        deps.webContentsCreated(this.webContents)
      }
    }
  }

  /** Routes the app scheme to the app's handler and connects pages' IPC to the ipcMain stand-in. */
  async install(): Promise<void> {
    const { context } = this.deps
    await context.exposeBinding('__avcmHarnessInvoke', async (source, channel: string, args: unknown[]) =>
      this.deps.ipcMain.invoke(this.senderEvent(source.page, source.frame), channel, args[0]),
    )
    await context.route('**/*', (route) => this.answer(route))
    context.on('page', (page) => void this.popUp(page).catch(() => undefined))
  }

  /** The web contents a page belongs to: an app window's, or one of its own for any other page. */
  contentsOf(page: Page): WebContentsStandIn {
    const window = this.windows.find((w) => w.pageNow === page)
    if (window !== undefined) return window.webContents
    let contents = this.others.get(page)
    if (contents === undefined) {
      contents = new WebContentsStandIn(this.nextId++, undefined)
      this.others.set(page, contents)
    }
    return contents
  }

  /**
   * Runs a preload registered on the session in every page of the session whose origin its `matches` allow,
   * as Electron does. Only `<origin>/*` patterns are understood; anything else fails loudly.
   */
  addPreload(script: PreloadScriptRegistration): void {
    if (script.type !== 'frame') throw new Error(`the harness runs frame preloads only, not ${script.type}`)
    const origins = (script.matches ?? []).map((pattern) => {
      if (!pattern.endsWith('/*'))
        throw new Error(`the harness understands only <origin>/* patterns: ${pattern}`)
      return new URL(toPageUrl(pattern.slice(0, -2))).origin
    })
    const source = readFileSync(script.filePath, 'utf8')
    this.preloading = this.preloading.then(async () => {
      await this.deps.context.addInitScript(preloadScript(source, origins))
    })
  }

  private newWindowPage(options: BrowserWindowConstructorOptions): Promise<Page> {
    return this.preloading.then(async () => {
      const page = await this.deps.context.newPage()
      if (options.width !== undefined && options.height !== undefined) {
        await page.setViewportSize({ width: options.width, height: options.height })
      }
      return page
    })
  }

  /** The invoke event Electron would build: the sender's web contents and the calling frame. */
  private senderEvent(page: Page, frame: Frame): IpcSender {
    const parent = frame.parentFrame()
    return {
      sender: this.contentsOf(page),
      senderFrame: {
        url: toAppUrl(frame.url()),
        parent: parent === null ? null : { url: toAppUrl(parent.url()) },
      },
    }
  }

  private async answer(route: Route): Promise<void> {
    const request = route.request()
    const url = request.url()
    let frame: Frame
    try {
      frame = request.frame()
    } catch {
      // A new window's first navigation comes before its frame exists; the app's handler decides on the
      // window itself (see popUp). Nothing outside the app can be reached from here anyway.
      this.popupUrls.push(url)
      return route.abort('blockedbyclient')
    }
    const page = frame.page()
    if (request.isNavigationRequest() && frame.parentFrame() === null) {
      const window = this.windows.find((w) => w.pageNow !== undefined && w.pageNow === page)
      if (window !== undefined) {
        if (url !== window.loading && window.webContents.willNavigate(toAppUrl(url))) {
          return route.abort('aborted')
        }
        // Nothing stopped it: the app's window really leaves for another site, as Electron's would.
        if (!url.startsWith(`${PAGE_ORIGIN}/`))
          return route.fulfill({ contentType: 'text/html', body: OUTSIDE })
      }
    }
    if (!url.startsWith(`${PAGE_ORIGIN}/`)) return route.abort('blockedbyclient')
    const response = await this.deps.protocol.fetch(
      new Request(toAppUrl(url), { method: request.method(), headers: await request.allHeaders() }),
    )
    if (response === null) return route.abort('failed')
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    })
  }

  /**
   * A page an app window opened (`window.open`, a link with a target) is a new window: the app's window-open
   * handler decides, as Electron asks it before creating one; a refused window is closed at once.
   */
  private async popUp(page: Page): Promise<void> {
    const opener = await page.opener()
    const window = this.windows.find((w) => w.pageNow !== undefined && w.pageNow === opener)
    if (window === undefined) return
    await new Promise((resolve) => setImmediate(resolve))
    const url = this.popupUrls.shift() ?? page.url()
    if (window.webContents.windowOpen(toAppUrl(url)) === 'deny') await page.close()
  }
}
