import { describe, expect, it } from 'vitest'
import { backgroundColorFor, MIN_WINDOW_SIZE, windowGeometry } from './options'

const geometry = windowGeometry({
  title: 'api.video Credential Manager',
  backgroundColor: '#ffffff',
  placement: { bounds: { x: 10, y: 20, width: 960, height: 680 }, maximized: false },
})

describe('windowGeometry', () => {
  it('waits for ready-to-show, over the theme’s background, at the remembered place', () => {
    expect(geometry).toEqual({
      title: 'api.video Credential Manager',
      show: false,
      backgroundColor: '#ffffff',
      x: 10,
      y: 20,
      width: 960,
      height: 680,
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
    })
  })

  it('leaves the web preferences to the window itself', () => {
    expect(geometry).not.toHaveProperty('webPreferences')
  })

  it('lets the system centre a window that has no remembered position', () => {
    const centred = windowGeometry({
      title: 't',
      backgroundColor: '#000000',
      placement: { bounds: { width: 800, height: 600 }, maximized: false },
    })
    expect(centred).not.toHaveProperty('x')
    expect(centred).not.toHaveProperty('y')
  })
})

describe('backgroundColorFor', () => {
  it('is the renderer’s background colour in each theme', () => {
    expect(backgroundColorFor(true)).not.toBe(backgroundColorFor(false))
    expect(backgroundColorFor(false)).toBe('#f5f6f8')
  })
})
