import type { GlobalShortcut } from 'electron'
import type { Settings } from '../../core/profiles/schema'

/** What the global shortcut acts on: the app's window and the quick copy palette inside it. */
export interface PaletteOpener {
  /** Shows, restores and focuses the window, over the other applications. */
  readonly showWindow: () => void
  /** Asks the window's page to open the quick copy palette. */
  readonly openPalette: () => void
}

/**
 * What the global shortcut does: brings the window forward and opens its quick copy palette, where the
 * person picks the profile (the default one is listed first, so the shortcut then Enter copies it).
 */
export function openPaletteOverApps(deps: PaletteOpener): () => void {
  return () => {
    deps.showWindow()
    deps.openPalette()
  }
}

/**
 * The opt-in global shortcut. `apply` registers the configured accelerator (and releases the previous one);
 * when the system refuses it, the reason is kept for the settings screen rather than thrown.
 */
export class ShortcutController {
  private registered: string | undefined
  private applied: string | undefined
  private failure: string | null = null

  constructor(
    private readonly globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>,
    private readonly onTrigger: () => void,
  ) {}

  /** Why the shortcut could not be registered, or null. */
  error(): string | null {
    return this.failure
  }

  /** Registers or releases the shortcut to match the setting; a failed registration is retried each time. */
  apply(setting: Settings['globalShortcut']): void {
    const wanted = setting.enabled ? setting.accelerator : undefined
    const key = JSON.stringify(setting)
    if (key === this.applied && this.failure === null) return
    this.release()
    this.applied = key
    this.failure = null
    if (wanted === undefined) return
    try {
      if (this.globalShortcut.register(wanted, this.onTrigger)) this.registered = wanted
      else this.failure = `${wanted} is already used by another application or by the system.`
    } catch {
      this.failure = `${wanted} is not a shortcut this system understands.`
    }
  }

  /** Releases the shortcut (on quit). */
  release(): void {
    if (this.registered !== undefined) this.globalShortcut.unregister(this.registered)
    this.registered = undefined
  }
}
