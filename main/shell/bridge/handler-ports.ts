import { APP_VERSION } from '../../core/app-info'
import type { CredentialService } from '../../core/service/service'
import type { ProfileView } from '../../core/service/types'
import type { ClipboardPort, EndpointsPort, HandlerPorts } from '../../ipc/ports'

/** What the Electron shell puts behind the IPC handlers. */
export interface ShellPortsInput {
  readonly service: CredentialService
  readonly clipboard: ClipboardPort
  /** The local endpoints; they announce their own changes (the composition passes them to the bridge). */
  readonly endpoints: EndpointsPort
  readonly demo: { start(): Promise<ProfileView>; running(): boolean }
  readonly platform: string
  /** Why the global shortcut could not be registered, or null. */
  readonly shortcutError: () => string | null
  /** The outcome of the latest settings application: `settled` of the settings applier. */
  readonly settingsApplied: () => Promise<void>
  /** Called after anything that may change the app's state (the demo), to tell the renderer. */
  readonly appStateMayHaveChanged: () => void
  /** Quick copy copied a token (`PaletteSummons.copied`). */
  readonly paletteCopied: () => void
}

/** The handler ports of the Electron app. */
export function createShellPorts(input: ShellPortsInput): HandlerPorts {
  const { service, demo } = input
  return {
    service,
    clipboard: input.clipboard,
    endpoints: input.endpoints,
    appState: () => ({
      version: APP_VERSION,
      platform: input.platform,
      problems: service.problems(),
      shortcutError: input.shortcutError(),
      demoRunning: demo.running(),
      endpoints: input.endpoints.running(),
    }),
    settingsApplied: input.settingsApplied,
    paletteCopied: input.paletteCopied,
    startDemo: async () => {
      try {
        return await demo.start()
      } finally {
        input.appStateMayHaveChanged()
      }
    },
  }
}
