import { describe, expect, it } from 'vitest'
import { backgroundColorFor, windowOptions } from './window-options'

const options = windowOptions({
  title: 'api.video Credential Manager',
  preload: '/app/out/preload/index.cjs',
  backgroundColor: '#ffffff',
  placement: { bounds: { x: 10, y: 20, width: 960, height: 680 }, maximized: false },
})

describe('windowOptions', () => {
  it('carries every security flag of the checklist', () => {
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
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
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    })
  })

  it('waits for ready-to-show, over the theme’s background, at the remembered place', () => {
    expect(options).toMatchObject({
      show: false,
      backgroundColor: '#ffffff',
      x: 10,
      y: 20,
      width: 960,
      height: 680,
    })
  })

  it('lets the system centre a window that has no remembered position', () => {
    const centred = windowOptions({
      title: 't',
      preload: 'p',
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
