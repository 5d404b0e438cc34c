import { describe, expect, it, vi } from 'vitest'
import { preloadRegistration, registerPreload } from './preload'

describe('the preload registration', () => {
  it('runs the bridge in frames at the renderer’s origin only', () => {
    expect(preloadRegistration('/app/out/preload/index.cjs', 'app://renderer')).toEqual({
      id: 'avcm-window-api',
      type: 'frame',
      filePath: '/app/out/preload/index.cjs',
      matches: ['app://renderer/*'],
    })
    expect(preloadRegistration('/p.cjs', 'http://localhost:5173').matches).toEqual([
      'http://localhost:5173/*',
    ])
  })

  it('is registered on the session it is given', () => {
    const session = { registerPreloadScript: vi.fn(() => 'avcm-window-api') }
    registerPreload(session, '/p.cjs', 'app://renderer')
    expect(session.registerPreloadScript).toHaveBeenCalledExactlyOnceWith(
      preloadRegistration('/p.cjs', 'app://renderer'),
    )
  })
})
