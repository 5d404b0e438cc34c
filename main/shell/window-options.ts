import type { BrowserWindowConstructorOptions } from 'electron'
import type { WindowPlacement } from './window-bounds'

/** The window's smallest useful size. */
export const MIN_WINDOW_SIZE = { width: 640, height: 480 } as const

/** What {@link windowOptions} needs to know. */
export interface WindowOptionsInput {
  readonly title: string
  /** The built preload, a CommonJS file (sandboxed preloads cannot load ES modules). */
  readonly preload: string
  readonly backgroundColor: string
  readonly placement: WindowPlacement
}

/**
 * The main window's options. Every security-relevant web preference is spelled out even where it is
 * Electron's default, so a change of default or a careless edit shows up in review and in the unit test.
 */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const { bounds } = input.placement
  return {
    ...(bounds.x === undefined || bounds.y === undefined ? {} : { x: bounds.x, y: bounds.y }),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: input.title,
    // Shown on ready-to-show, over a background of the theme's colour: no white flash, no half-drawn page.
    show: false,
    backgroundColor: input.backgroundColor,
    webPreferences: {
      preload: input.preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      // A middle click on a link would ask for a new window; setWindowOpenHandler refuses it anyway, and
      // without the auxclick event the page cannot even try.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  }
}

/** The window's background before the page paints: the renderer's `--bg` in its light and dark themes. */
export function backgroundColorFor(dark: boolean): string {
  return dark ? '#0f1115' : '#f5f6f8'
}
