import { readFile } from 'node:fs/promises'
import type { CredentialService } from '../core/service/service'
import type { ClipboardPort, EndpointsPort } from '../ipc/ports'
import type { Notify } from '../shell/notifications/notice'
import type { createQuickCopy } from '../shell/clipboard/quick-copy'
import { TrayPresenter } from '../shell/tray/presenter'
import { createTrayActions } from '../shell/tray/actions'
import { loadTrayIcons } from '../shell/tray/icons'
import type { AppEnvironment, ElectronApi } from './electron-api'

/** What the tray acts on. */
export interface TrayWiring {
  readonly service: CredentialService
  readonly quickCopy: ReturnType<typeof createQuickCopy>
  readonly endpoints: EndpointsPort
  readonly clipboard: ClipboardPort
  readonly openWindow: (profileId?: string) => void
  readonly notify: Notify
}

/** The running tray: redraw on change, stop redrawing, and remove the icon. */
export interface RunningTray {
  update(): void
  stop(): void
  /** Stops redrawing and shows `text` as the tooltip (while quitting). */
  say(text: string): void
  destroy(): void
}

/** Creates the tray icon with its menu, drawn from the service's state. */
export async function startTray(
  electron: Pick<ElectronApi, 'Tray' | 'Menu' | 'nativeImage' | 'app'>,
  environment: Pick<AppEnvironment, 'files' | 'platform' | 'timers' | 'logError'>,
  wiring: TrayWiring,
): Promise<RunningTray> {
  const { Menu, app } = electron
  const { service, openWindow } = wiring
  const icons = await loadTrayIcons(electron.nativeImage, environment.files.trayIcons, (path) =>
    readFile(path),
  )
  const tray = new electron.Tray(icons.ok)
  if (environment.platform === 'win32') tray.on('click', () => openWindow())
  const runTrayAction = createTrayActions({
    service,
    quickCopy: wiring.quickCopy,
    endpoints: wiring.endpoints,
    clipboard: wiring.clipboard,
    openWindow,
    quit: () => app.quit(),
    notify: wiring.notify,
  })
  const presenter = new TrayPresenter({
    tray,
    setMenu: (template) => tray.setContextMenu(Menu.buildFromTemplate(template)),
    icons,
    run: (action) => void runTrayAction(action),
    state: async () => ({
      profiles: await service.list(),
      problems: service.problems(),
      now: environment.timers.now(),
      endpoints: new Set(Object.keys(wiring.endpoints.running())),
    }),
    timers: environment.timers,
    platform: environment.platform,
    onError: environment.logError,
  })
  return {
    update: () => void presenter.update(),
    stop: () => presenter.stop(),
    say: (text) => {
      presenter.stop()
      tray.setToolTip(text)
    },
    destroy: () => tray.destroy(),
  }
}
