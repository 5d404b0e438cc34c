import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { applicationMenuTemplate } from './app-menu'

function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ])
}

describe('applicationMenuTemplate', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    'has no reload or devtools in production on %s',
    (platform) => {
      const template = applicationMenuTemplate({
        platform,
        appName: 'App',
        development: false,
        openWindow: vi.fn(),
      })
      const used = roles(template)
      for (const role of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu'])
        expect(used).not.toContain(role)
      expect(used).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'close']))
    },
  )

  it('offers reload and devtools in development', () => {
    const used = roles(
      applicationMenuTemplate({ platform: 'linux', appName: 'App', development: true, openWindow: vi.fn() }),
    )
    expect(used).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']))
  })

  it('puts quit in the app menu on macOS and in File elsewhere', () => {
    const mac = applicationMenuTemplate({
      platform: 'darwin',
      appName: 'App',
      development: false,
      openWindow: vi.fn(),
    })
    expect(mac[0]).toMatchObject({ role: 'appMenu' })
    const linux = applicationMenuTemplate({
      platform: 'linux',
      appName: 'App',
      development: false,
      openWindow: vi.fn(),
    })
    expect(roles(linux)).toContain('quit')
    expect(roles(mac)).not.toContain('quit')
  })

  it('has an Open Window command', () => {
    const openWindow = vi.fn()
    const [file] = applicationMenuTemplate({
      platform: 'linux',
      appName: 'App',
      development: false,
      openWindow,
    })
    const open = (file?.submenu as MenuItemConstructorOptions[])[0]
    ;(open?.click as () => void)()
    expect(openWindow).toHaveBeenCalledOnce()
  })
})
