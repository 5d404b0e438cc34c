import type { BrowserWindowConstructorOptions } from 'electron'
import type { WindowPlacement } from './bounds'

/** The window's smallest useful size. */
export const MIN_WINDOW_SIZE = { width: 640, height: 480 } as const

/** What {@link windowGeometry} needs to know. */
export interface WindowGeometryInput {
  readonly title: string
  readonly backgroundColor: string
  readonly placement: WindowPlacement
}

/** The main window's options apart from its web preferences, which main-window.ts writes where it opens it. */
export type WindowGeometry = Omit<BrowserWindowConstructorOptions, 'webPreferences'>

/**
 * Where the main window opens, how small it may get, and how it appears. The security-relevant web
 * preferences are not here: they are written literally at `new BrowserWindow(…)` in main-window.ts, where a
 * reviewer and the hardening audit (electronegativity) can see them.
 */
export function windowGeometry(input: WindowGeometryInput): WindowGeometry {
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
  }
}

/** The window's background before the page paints: the renderer's `--bg` in its light and dark themes. */
export function backgroundColorFor(dark: boolean): string {
  return dark ? '#0f1115' : '#f5f6f8'
}
