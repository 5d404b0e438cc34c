import { describe, expect, it } from 'vitest'
import { DEFAULT_WINDOW_SIZE, parseWindowState, placeWindow, type Rect } from './bounds'

const minimum = { width: 640, height: 480 }
const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 }
const external: Rect = { x: 1440, y: 0, width: 2560, height: 1415 }

describe('placeWindow', () => {
  it('centres a first window on the primary display', () => {
    expect(placeWindow(undefined, [laptop], minimum)).toEqual({
      bounds: { x: 240, y: 123, width: DEFAULT_WINDOW_SIZE.width, height: DEFAULT_WINDOW_SIZE.height },
      maximized: false,
    })
  })

  it('reopens where it was when that is still on a screen', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1000, height: 700 }, maximized: true }
    expect(placeWindow(saved, [laptop, external], minimum)).toEqual(saved)
  })

  it('moves a window hanging off the edge back inside the display it mostly covers', () => {
    const saved = { bounds: { x: 3800, y: 1200, width: 1000, height: 700 }, maximized: false }
    expect(placeWindow(saved, [laptop, external], minimum).bounds).toEqual({
      x: 1440 + 2560 - 1000,
      y: 1415 - 700,
      width: 1000,
      height: 700,
    })
  })

  it('opens centred on the primary display when its display was unplugged', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1000, height: 700 }, maximized: false }
    const placed = placeWindow(saved, [laptop], minimum).bounds
    expect(placed).toEqual({ x: 240, y: 123, width: 960, height: 680 })
  })

  it('shrinks a window larger than the screen and grows one below the minimum', () => {
    const huge = { bounds: { x: 0, y: 0, width: 5000, height: 3000 }, maximized: false }
    expect(placeWindow(huge, [laptop], minimum).bounds).toEqual(laptop)
    const tiny = { bounds: { x: 100, y: 100, width: 50, height: 50 }, maximized: false }
    expect(placeWindow(tiny, [laptop], minimum).bounds).toEqual({ x: 100, y: 100, width: 640, height: 480 })
  })

  it('lets the system decide when no display is known', () => {
    expect(placeWindow(undefined, [], minimum)).toEqual({ bounds: DEFAULT_WINDOW_SIZE, maximized: false })
  })
})

describe('parseWindowState', () => {
  it('accepts what the app writes and ignores anything else', () => {
    const state = { bounds: { x: -10, y: 0, width: 800, height: 600 }, maximized: false }
    expect(parseWindowState(state)).toEqual(state)
    expect(parseWindowState(null)).toBeUndefined()
    expect(
      parseWindowState({ bounds: { x: 'a', y: 0, width: 1, height: 1 }, maximized: false }),
    ).toBeUndefined()
    expect(
      parseWindowState({ bounds: { x: 0, y: 0, width: 0, height: 600 }, maximized: false }),
    ).toBeUndefined()
  })
})
