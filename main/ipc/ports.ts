import type { Settings } from '../core/profiles/schema'
import type { CredentialService } from '../core/service/service'
import type { ProfileView } from '../core/service/types'
import type { AppState } from './contract'

/** Writes text to the clipboard and clears it later (the shell's clipboard guard, or a test's recorder). */
export interface ClipboardPort {
  /** Copies `text`; resolves to when it will be cleared, or null when clearing is off. */
  copy(text: string): Promise<number | null>
}

/** What the handlers need besides the engine; the Electron shell provides them (main/shell/shell-ports.ts). */
export interface HandlerPorts {
  readonly service: CredentialService
  readonly clipboard: ClipboardPort
  /** The app's current state for the renderer. */
  appState(): AppState
  /** Applies settings that live outside the engine (theme, launch at login, global shortcut). */
  applySettings(settings: Settings): Promise<void>
  /** Starts the embedded fake api.video server and adds the demo profile. */
  startDemo(): Promise<ProfileView>
}
