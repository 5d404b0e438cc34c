import type { Page } from '@playwright/test'
import type { AppEnding } from './stand-ins/app'
import type { SeenItem } from './stand-ins/tray'

/** A notification as a person sees it. */
export interface SeenNotification {
  readonly title: string
  readonly body: string
}

/**
 * One running app, as a person meets it: its window, its tray, its notifications, the system's clipboard and
 * power events, its global shortcut, and quitting. The specs drive the app only through this, so the same
 * specs run on the harness's stand-ins and on real Electron.
 */
export interface AppRun {
  /** The window's page, once it has loaded. */
  window(): Promise<Page>
  /** Whether the window is on screen. */
  windowShown(): Promise<boolean>
  /** A person closing the window (the app hides it to the tray). */
  closeWindow(): Promise<void>
  /** The tray menu's items, as the last menu the app set shows them. */
  trayItems(): Promise<readonly SeenItem[]>
  trayTooltip(): Promise<string>
  /** Clicks a tray menu item by its label, or a submenu's by the labels on the way. */
  clickTray(...path: (string | RegExp)[]): Promise<void>
  /** Every notification shown so far, oldest first. */
  notifications(): Promise<readonly SeenNotification[]>
  /** Clicks the latest notification whose title matches. */
  clickNotification(title: string | RegExp): Promise<void>
  /** The system tells the app it slept, woke or was unlocked. */
  power(event: 'suspend' | 'resume' | 'unlock-screen'): Promise<void>
  /** The accelerators the app holds as global shortcuts. */
  shortcuts(): Promise<readonly string[]>
  /** A person pressing a global shortcut; false when the app holds none such. */
  pressShortcut(accelerator: string): Promise<boolean>
  /** Asks the app to quit, as the tray's Quit does; resolves when it has ended. */
  quit(): Promise<AppEnding>
  /** Resolves when the app has ended, however it did. */
  ended(): Promise<AppEnding>
  /** Errors the app wrote to its log (none expected in a passing scenario). */
  loggedErrors(): readonly string[]
  /** What the app said to the person on stderr. */
  saidOnStderr(): readonly string[]
}

/** How to launch: extra command-line arguments, such as `--hidden`. */
export interface LaunchOptions {
  readonly args?: readonly string[]
  /**
   * Start it as an installed (packaged) app, where launch at login and the refusal of debugging switches
   * apply. Only the stand-ins can: the Electron driver runs the unpackaged build.
   */
  readonly packaged?: boolean
}

/** The machine the app runs on in one test: its clipboard, its clock, and launching the app. */
export interface DesktopDriver {
  /** Starts the app; a launch while one runs is a second instance. */
  launch(options?: LaunchOptions): Promise<AppRun>
  /** The system clipboard's text. */
  clipboardText(): Promise<string>
  setClipboardText(text: string): Promise<void>
  /**
   * Moves the machine's wall clock forward, as a long sleep does: timers did not run meanwhile. Only the
   * stand-ins can; null where the driver cannot, with the reason.
   */
  readonly jumpClock: ((ms: number) => void) | null
  close(): Promise<void>
}
