import type { MenuItemConstructorOptions, NativeImage } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { profileView } from '../profile-fixtures'
import { systemTimers } from '../timers'
import { menuLabel, toMenuTemplate, TrayPresenter } from './presenter'
import type { TrayAction, TrayMenuState } from './menu'

const NOW = Date.UTC(2026, 0, 1, 9, 0, 0)

describe('toMenuTemplate', () => {
  it('keeps ids and labels, and each click runs its item’s action', () => {
    const run = vi.fn()
    const template = toMenuTemplate(
      [
        { type: 'action', id: 'quit', label: 'Quit', enabled: true, action: { kind: 'quit' } },
        {
          type: 'submenu',
          id: 'more',
          label: 'More for R&D',
          items: [
            {
              type: 'action',
              id: 'copy',
              label: 'Copy token',
              enabled: false,
              action: { kind: 'copy', profileId: 'p', format: 'token' },
            },
          ],
        },
        { type: 'separator', id: 's' },
        { type: 'label', id: 'l', label: 'No profiles yet' },
      ],
      run,
      'linux',
    )
    expect(template.map((item) => [item.id, item.label, item.enabled, item.type])).toEqual([
      ['quit', 'Quit', true, undefined],
      ['more', 'More for R&&D', undefined, undefined],
      ['s', undefined, undefined, 'separator'],
      ['l', 'No profiles yet', false, undefined],
    ])
    const click = (item: MenuItemConstructorOptions | undefined) =>
      (item?.click as (() => void) | undefined)?.()
    click(template[0])
    const submenu = template[1]?.submenu as MenuItemConstructorOptions[]
    expect(submenu[0]).toMatchObject({ id: 'copy', enabled: false })
    click(submenu[0])
    expect(run.mock.calls).toEqual([[{ kind: 'quit' }], [{ kind: 'copy', profileId: 'p', format: 'token' }]])
  })

  it('doubles ampersands except on macOS, where labels are shown as they are', () => {
    expect(menuLabel('R&D', 'win32')).toBe('R&&D')
    expect(menuLabel('R&D', 'darwin')).toBe('R&D')
  })
})

describe('TrayPresenter', () => {
  beforeEach(() => vi.useFakeTimers({ now: NOW }))
  afterEach(() => vi.useRealTimers())

  function setup(initial: TrayMenuState['profiles']) {
    let profiles = initial
    const icon = (name: string) => ({ name }) as unknown as NativeImage
    const tray = { setImage: vi.fn(), setToolTip: vi.fn() }
    const menus: MenuItemConstructorOptions[][] = []
    const run = vi.fn<(action: TrayAction) => void>()
    const presenter = new TrayPresenter({
      tray,
      setMenu: (template) => menus.push(template),
      icons: { ok: icon('ok'), warning: icon('warning'), attention: icon('attention') },
      run,
      state: () => ({ profiles, problems: [], now: Date.now() }),
      timers: systemTimers,
      platform: 'linux',
    })
    return {
      presenter,
      tray,
      menus,
      run,
      setProfiles: (next: TrayMenuState['profiles']) => (profiles = next),
    }
  }
  const firstLabel = (menu: MenuItemConstructorOptions[] | undefined) => menu?.[0]?.label

  it('draws icon, tooltip and menu, and sets again only what changed', () => {
    const acme = profileView({ name: 'acme' }, { expiresAt: NOW + 42 * 60_000 })
    const { presenter, tray, menus, setProfiles } = setup([acme])
    presenter.update()
    expect(tray.setImage).toHaveBeenCalledWith({ name: 'ok' })
    expect(tray.setToolTip).toHaveBeenCalledWith('api.video Credential Manager: acme is ready')
    expect(firstLabel(menus[0])).toBe('acme · production · 42 min left')
    presenter.update()
    expect(menus).toHaveLength(1)
    expect(tray.setImage).toHaveBeenCalledOnce()
    setProfiles([profileView({ name: 'acme' }, { status: 'needs-sign-in' })])
    presenter.update()
    expect(tray.setImage).toHaveBeenLastCalledWith({ name: 'attention' })
    expect(firstLabel(menus[1])).toBe('acme · production · needs sign-in')
    presenter.stop()
  })

  it('redraws by itself when a time-left label changes, so the menu counts down', () => {
    const acme = profileView({ name: 'acme' }, { expiresAt: NOW + 42 * 60_000 + 10_000 })
    const { presenter, menus } = setup([acme])
    presenter.update()
    vi.advanceTimersByTime(10_000)
    expect(menus).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(firstLabel(menus.at(-1))).toBe('acme · production · 41 min left')
    vi.advanceTimersByTime(60_000)
    expect(firstLabel(menus.at(-1))).toBe('acme · production · 40 min left')
    presenter.stop()
    vi.advanceTimersByTime(10 * 60_000)
    expect(firstLabel(menus.at(-1))).toBe('acme · production · 40 min left')
  })

  it('redraws at least once a minute even with nothing counting down', () => {
    const { presenter, tray } = setup([])
    presenter.update()
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(60_000)
    expect(vi.getTimerCount()).toBe(1)
    expect(tray.setToolTip).toHaveBeenCalledOnce()
    presenter.stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('runs the action of a clicked item', () => {
    const acme = profileView({ name: 'acme' }, { expiresAt: NOW + 42 * 60_000 })
    const { presenter, menus, run } = setup([acme])
    presenter.update()
    ;(menus[0]?.[0]?.click as () => void)()
    expect(run).toHaveBeenCalledWith({ kind: 'copy', profileId: acme.id, format: 'token' })
    presenter.stop()
  })
})
