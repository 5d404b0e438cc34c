import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron'
import { EventEmitter } from 'node:events'
import type { AppTray } from '../../../main/app/electron-api'

/** A menu as `Menu.buildFromTemplate` made it: the template, kept so a test can read and click it. */
export class MenuStandIn {
  constructor(readonly template: readonly MenuItemConstructorOptions[]) {}
}

/** Electron's Menu statics as the app uses them, for one launch. */
export class MenuStatics {
  applicationMenu: MenuStandIn | null = null

  buildFromTemplate(template: MenuItemConstructorOptions[]): Menu {
    // The app treats a built menu as an opaque handle it hands back to Electron; the stand-in keeps the template.
    return new MenuStandIn(template) as unknown as Menu
  }

  setApplicationMenu(menu: Menu | null): void {
    this.applicationMenu = menu as unknown as MenuStandIn | null
  }
}

/** A menu's items as a person sees them: the label, whether it can be chosen, and its submenu. */
export interface SeenItem {
  readonly label: string
  readonly enabled: boolean
  readonly submenu: readonly SeenItem[]
}

/** The items of a template, without separators. */
export function seenItems(template: readonly MenuItemConstructorOptions[]): SeenItem[] {
  return template
    .filter((item) => item.type !== 'separator')
    .map((item) => ({
      label: item.label ?? '',
      enabled: item.enabled !== false,
      submenu: Array.isArray(item.submenu) ? seenItems(item.submenu) : [],
    }))
}

/** Finds an item by its label path ("acme · production · 58 min left" or ["acme…", "Copy curl example"]). */
export function findItem(
  template: readonly MenuItemConstructorOptions[],
  path: readonly (string | RegExp)[],
): MenuItemConstructorOptions | undefined {
  const [head, ...rest] = path
  if (head === undefined) return undefined
  const item = template.find(
    (candidate) =>
      candidate.type !== 'separator' &&
      (typeof head === 'string' ? candidate.label === head : head.test(candidate.label ?? '')),
  )
  if (item === undefined || rest.length === 0) return item
  return Array.isArray(item.submenu) ? findItem(item.submenu, rest) : undefined
}

/** A tray icon: what the app set (image, tooltip, menu), and a way for a test to click like a person. */
export class TrayStandIn implements AppTray {
  private readonly events = new EventEmitter()
  image: NativeImage | string
  tooltip = ''
  menu: MenuStandIn | null = null
  destroyed = false

  constructor(image: NativeImage) {
    this.image = image
  }

  setImage(image: NativeImage | string): void {
    this.image = image
  }

  setToolTip(toolTip: string): void {
    this.tooltip = toolTip
  }

  setContextMenu(menu: Menu | null): void {
    this.menu = menu as unknown as MenuStandIn | null
  }

  on(event: 'click', listener: () => void): this {
    this.events.on(event, listener)
    return this
  }

  /** What a person clicking the icon does (Windows opens the window on it). */
  click(): void {
    this.events.emit('click')
  }

  destroy(): void {
    this.destroyed = true
  }
}
