import type { MenuItemConstructorOptions, NativeImage } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { profileView } from '../../testing/profile-fixtures'
import { systemTimers } from '../timers'
import { menuLabel, toMenuTemplate, TrayPresenter, type TrayIcons } from './presenter'
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
      state: () => Promise.resolve({ profiles, problems: [], now: Date.now() }),
      timers: systemTimers,
      platform: 'linux',
      onError: (error) => {
        throw error
      },
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

  it('draws icon, tooltip and menu, and sets again only what changed', async () => {
    const acme = profileView({ name: 'acme' }, { expiresAt: NOW + 42 * 60_000 })
    const { presenter, tray, menus, setProfiles } = setup([acme])
    await presenter.update()
    expect(tray.setImage).toHaveBeenCalledWith({ name: 'ok' })
    expect(tray.setToolTip).toHaveBeenCalledWith('api.video Credential Manager: acme is ready')
    expect(firstLabel(menus[0])).toBe('acme · production · 42 min left')
    await presenter.update()
    expect(menus).toHaveLength(1)
    expect(tray.setImage).toHaveBeenCalledOnce()
    setProfiles([profileView({ name: 'acme' }, { status: 'needs-sign-in' })])
    await presenter.update()
    expect(tray.setImage).toHaveBeenLastCalledWith({ name: 'attention' })
    expect(firstLabel(menus[1])).toBe('acme · production · needs sign-in')
    presenter.stop()
  })

  it('redraws by itself when a time-left label changes, so the menu counts down', async () => {
    const acme = profileView({ name: 'acme' }, { expiresAt: NOW + 42 * 60_000 + 10_000 })
    const { presenter, menus } = setup([acme])
    await presenter.update()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(menus).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(firstLabel(menus.at(-1))).toBe('acme · production · 41 min left')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(firstLabel(menus.at(-1))).toBe('acme · production · 40 min left')
    presenter.stop()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(firstLabel(menus.at(-1))).toBe('acme · production · 40 min left')
  })

  it('redraws at least once a minute even with nothing counting down', async () => {
    const { presenter, tray } = setup([])
    await presenter.update()
    expect(vi.getTimerCount()).toBe(1)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(vi.getTimerCount()).toBe(1)
    expect(tray.setToolTip).toHaveBeenCalledOnce()
    presenter.stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('draws one state at a time, in order, and nothing once stopped', async () => {
    const reads: ((state: TrayMenuState) => void)[] = []
    const tooltips: string[] = []
    const presenter = new TrayPresenter({
      tray: { setImage: vi.fn(), setToolTip: (text) => tooltips.push(text) },
      setMenu: vi.fn(),
      icons: {} as TrayIcons,
      run: vi.fn(),
      state: () => new Promise<TrayMenuState>((resolve) => reads.push(resolve)),
      timers: systemTimers,
      platform: 'linux',
      onError: (error) => {
        throw error
      },
    })
    const state = (name: string) => ({
      profiles: [profileView({ name }, { expiresAt: NOW + 42 * 60_000 })],
      problems: [],
      now: NOW,
    })
    const older = presenter.update()
    const newer = presenter.update()
    await Promise.resolve()
    expect(reads).toHaveLength(1)
    reads[0]?.(state('older'))
    await older
    reads[1]?.(state('newer'))
    await newer
    expect(tooltips).toEqual([
      'api.video Credential Manager: older is ready',
      'api.video Credential Manager: newer is ready',
    ])
    presenter.stop()
    const stopped = presenter.update()
    await Promise.resolve()
    reads[2]?.(state('after quit'))
    await stopped
    expect(tooltips).toHaveLength(2)
  })

  it('runs the action of a clicked item', async () => {
    const acme = profileView({ name: 'acme' }, { expiresAt: NOW + 42 * 60_000 })
    const { presenter, menus, run } = setup([acme])
    await presenter.update()
    ;(menus[0]?.[0]?.click as () => void)()
    expect(run).toHaveBeenCalledWith({ kind: 'copy', profileId: acme.id, format: 'token' })
    presenter.stop()
  })
})
