import type { CredentialService } from '../core/service/service'
import type { ProfileView } from '../core/service/types'
import type { AppState } from './contract'

/** Writes text to the clipboard and clears it later (the shell's clipboard guard, or a test's recorder). */
export interface ClipboardPort {
  /** Copies `text`; resolves to when it will be cleared, or null when clearing is off. */
  copy(text: string): Promise<number | null>
}

/** The profiles' local endpoints: `avcm proxy` run by the app (main/shell/endpoints/local-endpoints.ts). */
export interface EndpointsPort {
  /** Starts the profile's endpoint, or finds it running; resolves to its URL. */
  start(profileId: string): Promise<string>
  /** Stops the profile's endpoint, if it runs. */
  stop(profileId: string): Promise<void>
  /** The URL of the profile's running endpoint; throws a typed error when it is not running. */
  urlOf(profileId: string): string
  /** profile id → URL of every running endpoint. */
  running(): Readonly<Record<string, string>>
}

/** What the handlers need besides the engine; the Electron shell provides them (main/shell/bridge/handler-ports.ts). */
export interface HandlerPorts {
  readonly service: CredentialService
  readonly clipboard: ClipboardPort
  readonly endpoints: EndpointsPort
  /** The app's current state for the renderer. */
  appState(): AppState
  /**
   * Waits until the shell has applied the settings the engine last announced (theme, launch at login, global
   * shortcut: it applies every change itself), and rejects with that application's failure.
   */
  settingsApplied(): Promise<void>
  /** Starts the embedded fake api.video server and adds the demo profile. */
  startDemo(): Promise<ProfileView>
  /** Quick copy copied a token: a window the global shortcut brought up from out of sight goes back there. */
  paletteCopied(): void
}
