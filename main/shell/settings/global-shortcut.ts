import type { GlobalShortcut } from 'electron'
import type { Settings } from '../../core/profiles/schema'

/** What the global shortcut acts on: the app's window and the quick copy palette inside it. */
export interface PaletteOpener {
  /** Whether the window is on screen now (not hidden to the tray, not minimised). */
  readonly windowShown: () => boolean
  /** Shows, restores and focuses the window, over the other applications. */
  readonly showWindow: () => void
  /** Asks the window's page to open the quick copy palette. */
  readonly openPalette: () => void
  /** Puts the window back where it was, out of sight, and gives the focus back to the application before. */
  readonly stepBack: () => void
}

/**
 * What the global shortcut does: brings the window forward and opens its quick copy palette, where the
 * person picks the profile (the default one is listed first, so the shortcut then Enter copies it). When the
 * window was out of sight, a copy from the palette puts it back there, so the person is in their application
 * again with the token on the clipboard, as with a launcher.
 */
export class PaletteSummons {
  private fromOutOfSight = false

  constructor(private readonly deps: PaletteOpener) {}

  /** The shortcut was pressed. */
  summon(): void {
    this.fromOutOfSight = this.fromOutOfSight || !this.deps.windowShown()
    this.deps.showWindow()
    this.deps.openPalette()
  }

  /** The palette copied a token. */
  copied(): void {
    if (!this.fromOutOfSight) return
    this.fromOutOfSight = false
    this.deps.stepBack()
  }

  /** The person went on in the window (opened it another way): a later copy leaves it where it is. */
  stay(): void {
    this.fromOutOfSight = false
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
