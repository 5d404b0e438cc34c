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
  readonly state: () => Promise<TrayMenuState>
  readonly timers: Timers
  readonly platform: NodeJS.Platform
  /** A redraw that failed (the state could not be read); the next one tries again. */
  readonly onError: (error: unknown) => void
}

/**
 * Draws the tray from state: icon, tooltip and menu. Called on every change, and by itself whenever a
 * time-left label is due to change (at least once a minute). Only what changed is set again; the whole menu
 * is rebuilt when it changes, which Linux needs to show any change. Redraws run one at a time, in order, each
 * from the state as it is when it starts, so a slower one never paints over a newer one.
 */
export class TrayPresenter {
  private shown: { health?: TrayHealth; tooltip?: string; menu?: string } = {}
  private timer: TimerHandle | undefined
  private drawing: Promise<void> = Promise.resolve()
  private stopped = false

  constructor(private readonly deps: TrayPresenterDeps) {}

  /** Redraws what changed and plans the next redraw; resolves once drawn. */
  update(): Promise<void> {
    this.drawing = this.drawing.then(() => this.draw()).catch(this.deps.onError)
    return this.drawing
  }

  /** Stops drawing, for good (on quit). */
  stop(): void {
    this.stopped = true
    this.clearTimer()
  }

  private async draw(): Promise<void> {
    const { tray, timers } = this.deps
    const state = await this.deps.state()
    if (this.stopped) return
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
    this.clearTimer()
    this.timer = timers.setTimeout(() => void this.update(), msUntilLabelChange(state.profiles, state.now))
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.deps.timers.clearTimeout(this.timer)
    this.timer = undefined
  }
}
