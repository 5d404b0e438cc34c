import type { MenuItemConstructorOptions, NativeImage, Tray } from 'electron'
import { msUntilLabelChange } from './profile-status'
import type { Timers, TimerHandle } from '../timers'
import { trayHealth, trayTooltip, type TrayHealth } from './health'
import { trayMenu, type TrayAction, type TrayItem, type TrayMenuState } from './menu'

/** One image per overall state. */
export type TrayIcons = Readonly<Record<TrayHealth, NativeImage>>

/**
 * A label as the platform's menus should get it. Windows and Linux read `&` as a mnemonic marker, so a
 * profile named "R&D" would lose its ampersand unless it is doubled; macOS shows labels as they are.
 */
export function menuLabel(label: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? label : label.replaceAll('&', '&&')
}

/** The Electron menu template of the tray's items; each click runs its item's action. */
export function toMenuTemplate(
  items: readonly TrayItem[],
  run: (action: TrayAction) => void,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'separator':
        return { id: item.id, type: 'separator' }
      case 'label':
        return { id: item.id, label: menuLabel(item.label, platform), enabled: false }
      case 'action': {
        const { action } = item
        return {
          id: item.id,
          label: menuLabel(item.label, platform),
          enabled: item.enabled,
          click: () => run(action),
        }
      }
      case 'submenu':
        return {
          id: item.id,
          label: menuLabel(item.label, platform),
          submenu: toMenuTemplate(item.items, run, platform),
        }
    }
  })
}

/** What the tray presenter needs. */
export interface TrayPresenterDeps {
  readonly tray: Pick<Tray, 'setImage' | 'setToolTip'>
  /** Builds the Electron menu from the template and sets it as the tray's context menu. */
  readonly setMenu: (template: MenuItemConstructorOptions[]) => void
  readonly icons: TrayIcons
  readonly run: (action: TrayAction) => void
  readonly state: () => TrayMenuState
  readonly timers: Timers
  readonly platform: NodeJS.Platform
}

/**
 * Draws the tray from state: icon, tooltip and menu. Called on every change, and by itself whenever a
 * time-left label is due to change (at least once a minute). Only what changed is set again; the whole menu
 * is rebuilt when it changes, which Linux needs to show any change.
 */
export class TrayPresenter {
  private shown: { health?: TrayHealth; tooltip?: string; menu?: string } = {}
  private timer: TimerHandle | undefined

  constructor(private readonly deps: TrayPresenterDeps) {}

  /** Redraws what changed and plans the next redraw. */
  update(): void {
    const { tray, timers } = this.deps
    const state = this.deps.state()
    const health = trayHealth(state.profiles, state.problems, state.now)
    if (health !== this.shown.health) tray.setImage(this.deps.icons[health])
    const tooltip = trayTooltip(state.profiles, state.problems, state.now)
    if (tooltip !== this.shown.tooltip) tray.setToolTip(tooltip)
    const items = trayMenu(state)
    const menu = JSON.stringify(items)
    if (menu !== this.shown.menu) {
      this.deps.setMenu(toMenuTemplate(items, this.deps.run, this.deps.platform))
    }
    this.shown = { health, tooltip, menu }
    this.stop()
    this.timer = timers.setTimeout(() => this.update(), msUntilLabelChange(state.profiles, state.now))
  }

  /** Stops the timer (on quit). */
  stop(): void {
    if (this.timer !== undefined) this.deps.timers.clearTimeout(this.timer)
    this.timer = undefined
  }
}
