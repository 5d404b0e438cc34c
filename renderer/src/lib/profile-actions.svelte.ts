import type { CopyFormat } from '../../../main/core/copy-formats'
import type { ProfileView } from '../../../main/core/service/types'
import type { Api } from '../../../main/ipc/contract'
import { call, messageOf } from './api'
import { copyChoice } from './copy-labels'
import { formatIn } from './format'
import type { Toasts } from './toasts.svelte'

/**
 * Copying and refreshing a profile, shared by its row, its details and the keyboard, so each says the same
 * and a refresh started from one shows as busy in the others.
 */
export class ProfileActions {
  private busy = $state<readonly string[]>([])

  constructor(
    private readonly api: Api,
    private readonly toasts: Toasts,
    private readonly onupdated: (profile: ProfileView) => void,
  ) {}

  /** Whether a refresh of the profile was asked for here and has not answered yet. */
  refreshing(id: string): boolean {
    return this.busy.includes(id)
  }

  /** Copies a token in `format` through main's clipboard guard, and says so. */
  async copy(profile: ProfileView, format: CopyFormat): Promise<void> {
    try {
      const result = await call(this.api.profiles.copy({ id: profile.id, format }))
      const clears =
        result.clearsAt === null ? '' : ` · the clipboard clears ${formatIn(result.clearsAt - Date.now())}`
      this.toasts.show(`${copyChoice(format).done} for ${profile.name}${clears}`)
    } catch (failure) {
      this.toasts.show(`Could not copy: ${messageOf(failure)}`, 'error', 8000)
    }
  }

  /** Refreshes now, once at a time per profile; says so when it fails. */
  async refresh(profile: ProfileView): Promise<void> {
    if (this.refreshing(profile.id)) return
    this.busy = [...this.busy, profile.id]
    try {
      this.onupdated(await call(this.api.profiles.refresh({ id: profile.id })))
    } catch (failure) {
      this.toasts.show(`Could not refresh ${profile.name}: ${messageOf(failure)}`, 'error', 8000)
    } finally {
      this.busy = this.busy.filter((id) => id !== profile.id)
    }
  }
}
