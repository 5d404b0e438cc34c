import type { GlobalShortcut } from 'electron'
import type { CopyFormat } from '../core/copy-formats'
import type { Settings } from '../core/profiles/schema'
import type { Notify } from './notice'

/** The profile the global shortcut copies from: the chosen default if it still exists, else the first one. */
export function defaultProfileId(
  settings: Pick<Settings, 'defaultProfileId'>,
  profiles: readonly { readonly id: string }[],
): string | undefined {
  const chosen = profiles.find((profile) => profile.id === settings.defaultProfileId)
  return (chosen ?? profiles[0])?.id
}

/** What the shortcut's copy needs. */
export interface DefaultCopyDeps {
  readonly settings: () => Pick<Settings, 'defaultProfileId'>
  readonly profiles: () => Promise<readonly { readonly id: string }[]>
  readonly quickCopy: (profileId: string, format: CopyFormat) => Promise<void>
  readonly notify: Notify
}

/** What the global shortcut does: copy the default profile's token, or say there is no profile yet. */
export function copyDefaultProfile(deps: DefaultCopyDeps): () => Promise<void> {
  return async () => {
    const profileId = defaultProfileId(deps.settings(), await deps.profiles())
    if (profileId === undefined)
      deps.notify({ title: 'No profile to copy from', body: 'Add a profile first.' })
    else await deps.quickCopy(profileId, 'token')
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
