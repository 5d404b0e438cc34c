import type { AppEvent, AppState } from '../../ipc/contract'
import type { ServiceEvent } from '../../core/service/types'

/**
 * The one event channel to the renderer: every service event as it is, `{type: 'app'}` whenever the app's
 * state actually changed, `{type: 'navigate'}` when a notification asks to show a profile, and
 * `{type: 'open-palette'}` when the global shortcut asks for the quick copy palette.
 */
export class AppEventBridge {
  private lastState: string | undefined

  constructor(
    private readonly send: (event: AppEvent) => void,
    private readonly appState: () => AppState,
  ) {}

  /** Forwards a service event; problems among them may change the app's state too. */
  forward(event: ServiceEvent): void {
    this.send(event)
    this.publishAppState()
  }

  /** Sends the app's state if it differs from the last one sent. */
  publishAppState(): void {
    const state = this.appState()
    const key = JSON.stringify(state)
    if (key === this.lastState) return
    this.lastState = key
    this.send({ type: 'app', state })
  }

  /** Asks the renderer to show a profile. */
  navigate(profileId: string): void {
    this.send({ type: 'navigate', profileId })
  }

  /** Asks the renderer to open its quick copy palette. */
  openPalette(): void {
    this.send({ type: 'open-palette' })
  }
}
