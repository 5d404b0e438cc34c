import type { MenuItemConstructorOptions } from 'electron'

/** What the application menu depends on. */
export interface AppMenuInput {
  readonly platform: NodeJS.Platform
  readonly appName: string
  /** Reload and the developer tools exist only in development. */
  readonly development: boolean
  readonly openWindow: () => void
}

/**
 * The application menu: the standard roles (so copy, paste and select-all work in text fields, and the
 * platform's window and quit commands are where people expect them), with reload and the developer tools
 * only in development, so a production window cannot be reloaded or inspected by a shortcut.
 */
export function applicationMenuTemplate(input: AppMenuInput): MenuItemConstructorOptions[] {
  const mac = input.platform === 'darwin'
  const developer: MenuItemConstructorOptions[] = input.development
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : []
  return [
    ...(mac ? [{ label: input.appName, role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Window', accelerator: 'CommandOrControl+0', click: input.openWindow },
        { role: 'close' },
        ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...developer,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ]
}
