import type { App, Event, LoginItemSettings, Settings } from 'electron'
import { EventEmitter } from 'node:events'
import type { ElectronApi } from '../../../main/app/electron-api'

/** The machine-wide single-instance locks, as the operating system holds them: one holder per data folder. */
export class InstanceLocks {
  private readonly holders = new Map<string, AppStandIn>()

  /** Takes the lock of `key` for `app`, or tells the holder about the newcomer and refuses. */
  take(key: string, app: AppStandIn): boolean {
    const holder = this.holders.get(key)
    if (holder !== undefined && !holder.exited) {
      holder.emitSecondInstance()
      return false
    }
    this.holders.set(key, app)
    return true
  }
}

/** How the app ended: `quit` after before-quit and will-quit, or `exit` with a code. */
export type AppEnding = { readonly how: 'quit' } | { readonly how: 'exit'; readonly code: number }

/**
 * Electron's `app`, for one launch: paths, the single-instance lock, readiness and the quit sequence
 * (before-quit, which a listener may prevent; will-quit; then the process is gone), as Electron runs them.
 */
export class AppStandIn implements Omit<ElectronApi['app'], 'on'> {
  readonly isPackaged: boolean
  readonly commandLine: ElectronApi['app']['commandLine']
  private readonly events = new EventEmitter()
  private readonly paths = new Map<string, string>()
  private readonly ended: Promise<AppEnding>
  private endWith: (ending: AppEnding) => void = () => undefined
  private readyWith: () => void = () => undefined
  private readonly ready: Promise<void>
  private name = 'Electron'
  /** Every call the app made that changes the system, for tests to read. */
  readonly calls: string[] = []
  exited = false
  appUserModelId: string | undefined
  sandboxed = false
  /** How many times the app hid itself (macOS's `app.hide()`). */
  hidden = 0

  constructor(
    private readonly locks: InstanceLocks,
    options: { readonly userData: string; readonly argv: readonly string[]; readonly packaged: boolean },
  ) {
    this.isPackaged = options.packaged
    this.paths.set('userData', options.userData)
    const switches = new Set(
      options.argv.filter((arg) => arg.startsWith('--')).map((arg) => arg.slice(2).split('=')[0] ?? ''),
    )
    this.commandLine = { hasSwitch: (name: string) => switches.has(name) }
    this.ended = new Promise((resolve) => {
      this.endWith = resolve
    })
    this.ready = new Promise((resolve) => {
      this.readyWith = resolve
    })
  }

  on(event: string, listener: (...args: never[]) => void): this {
    this.events.on(event, listener as unknown as (...args: unknown[]) => void)
    return this
  }

  /** Makes the app ready, as Electron does once its native side has started. */
  becomeReady(): void {
    this.readyWith()
  }

  /** Resolves when the app has quit or exited. */
  ending(): Promise<AppEnding> {
    return this.ended
  }

  /** What another launch of the app tells this one. */
  emitSecondInstance(): void {
    this.events.emit('second-instance')
  }

  /** What Electron tells the app when a web contents is made. */
  emitWebContentsCreated(contents: unknown): void {
    const { event } = { event: { preventDefault: () => undefined } }
    this.events.emit('web-contents-created', event, contents)
  }

  /** What the operating system tells the app when its dock icon is clicked (macOS). */
  emit(event: 'activate'): void {
    this.events.emit(event)
  }

  setName(name: string): void {
    this.name = name
  }

  getName(): string {
    return this.name
  }

  setPath(name: Parameters<App['setPath']>[0], path: string): void {
    this.paths.set(name, path)
  }

  getPath(name: Parameters<App['getPath']>[0]): string {
    const path = this.paths.get(name)
    if (path === undefined) throw new Error(`app.getPath('${name}') has no path in the harness`)
    return path
  }

  requestSingleInstanceLock(): boolean {
    return this.locks.take(this.getPath('userData'), this)
  }

  enableSandbox(): void {
    this.sandboxed = true
  }

  whenReady(): Promise<void> {
    return this.ready
  }

  /** Electron's quit: before-quit (preventable), then will-quit, then the app is gone. */
  quit(): void {
    if (this.exited) return
    const asked = { prevented: false }
    const event = {
      preventDefault: () => {
        asked.prevented = true
      },
    } as unknown as Event
    this.events.emit('before-quit', event)
    if (asked.prevented) return
    this.events.emit('will-quit')
    this.finish({ how: 'quit' })
  }

  exit(exitCode = 0): void {
    this.finish({ how: 'exit', code: exitCode })
  }

  getLoginItemSettings(): LoginItemSettings {
    return {
      openAtLogin: false,
      wasOpenedAtLogin: false,
      status: 'not-registered',
      executableWillLaunchAtLogin: false,
      launchItems: [],
    }
  }

  setLoginItemSettings(settings: Settings): void {
    this.calls.push(`setLoginItemSettings ${JSON.stringify(settings)}`)
  }

  /** macOS: hides the app's windows and activates the application before; nothing to see here. */
  hide(): void {
    this.hidden += 1
  }

  setAppUserModelId(id: string): void {
    this.appUserModelId = id
  }

  private finish(ending: AppEnding): void {
    if (this.exited) return
    this.exited = true
    this.endWith(ending)
  }
}
