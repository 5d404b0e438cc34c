import { z } from 'zod'

/** A rectangle in screen coordinates, as Electron's `Rectangle`. */
export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** What is remembered of the window between runs. */
export interface WindowState {
  readonly bounds: Rect
  readonly maximized: boolean
}

/** Where and how big to open the window; no position means "let the system centre it". */
export interface WindowPlacement {
  readonly bounds: {
    readonly x?: number
    readonly y?: number
    readonly width: number
    readonly height: number
  }
  readonly maximized: boolean
}

/** The size of a first window. */
export const DEFAULT_WINDOW_SIZE = { width: 960, height: 680 } as const

const finite = z.number().int().min(-100_000).max(100_000)
const windowStateSchema = z.object({
  bounds: z.object({ x: finite, y: finite, width: finite.min(1), height: finite.min(1) }),
  maximized: z.boolean(),
})

/** The remembered state from the file's parsed JSON, or undefined when it is missing or not ours. */
export function parseWindowState(json: unknown): WindowState | undefined {
  const parsed = windowStateSchema.safeParse(json)
  return parsed.success ? parsed.data : undefined
}

/**
 * Where to open the window so all of it is on a screen. The remembered bounds are kept on the display they
 * overlap most, shrunk to fit its work area and moved inside it; a window remembered on a display that is
 * gone opens centred on the primary one. `workAreas` lists the primary display first.
 */
export function placeWindow(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
  minimum: { readonly width: number; readonly height: number },
): WindowPlacement {
  const primary = workAreas[0]
  if (primary === undefined) return { bounds: saved?.bounds ?? DEFAULT_WINDOW_SIZE, maximized: false }
  const best = saved === undefined ? undefined : mostOverlapping(saved.bounds, workAreas)
  if (saved === undefined || best === undefined) {
    return { bounds: centred(DEFAULT_WINDOW_SIZE, primary, minimum), maximized: saved?.maximized ?? false }
  }
  const width = fit(saved.bounds.width, minimum.width, best.width)
  const height = fit(saved.bounds.height, minimum.height, best.height)
  return {
    bounds: {
      x: clamp(saved.bounds.x, best.x, best.x + best.width - width),
      y: clamp(saved.bounds.y, best.y, best.y + best.height - height),
      width,
      height,
    },
    maximized: saved.maximized,
  }
}

function mostOverlapping(bounds: Rect, areas: readonly Rect[]): Rect | undefined {
  let best: Rect | undefined
  let bestOverlap = 0
  for (const area of areas) {
    const overlap = overlapArea(bounds, area)
    if (overlap > bestOverlap) {
      best = area
      bestOverlap = overlap
    }
  }
  return best
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

function centred(size: { width: number; height: number }, area: Rect, minimum: typeof size): Rect {
  const width = fit(size.width, minimum.width, area.width)
  const height = fit(size.height, minimum.height, area.height)
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  }
}

/** `value` within [minimum, available]; a screen smaller than the minimum wins over the minimum. */
function fit(value: number, minimum: number, available: number): number {
  return Math.min(Math.max(value, minimum), available)
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high))
}
