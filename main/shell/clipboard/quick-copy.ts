import { formatIn } from '../../core/common/durations'
import { COPY_FORMAT_WORDS, type CopyFormat } from '../../core/common/copy-format-words'
import { isAppError } from '../../core/errors'
import type { CredentialService } from '../../core/service/service'
import { copyToken } from '../../ipc/copy-token'
import type { ClipboardPort } from '../../ipc/ports'
import { leftToAttention } from '../notifications/attention'
import type { Notify } from '../notifications/notice'

/** The confirmation of a copy: "Copied acme's token; the clipboard clears in 30 s". */
export function copyConfirmation(
  name: string,
  format: CopyFormat,
  clearsAt: number | null,
  now: number,
): string {
  const copied = `Copied ${name}’s ${COPY_FORMAT_WORDS[format].noun}`
  return clearsAt === null ? `${copied}.` : `${copied}; the clipboard clears ${formatIn(clearsAt - now)}.`
}

/** What a quick copy needs. */
export interface QuickCopyDeps {
  readonly service: Pick<CredentialService, 'find' | 'getToken'>
  readonly clipboard: ClipboardPort
  readonly notify: Notify
  readonly now: () => number
}

/**
 * Copies a profile's token from the tray, with the window's `copyToken`; then a short notification confirms
 * it, or says why it failed. Never rejects.
 */
export function createQuickCopy(
  deps: QuickCopyDeps,
): (profileId: string, format: CopyFormat) => Promise<void> {
  return async (profileId, format) => {
    let name = 'the profile'
    try {
      name = deps.service.find(profileId).name
      const { clearsAt } = await copyToken(deps, profileId, format)
      deps.notify({
        title: 'Copied',
        body: copyConfirmation(name, format, clearsAt, deps.now()),
        silent: true,
      })
    } catch (error) {
      if (leftToAttention(deps.service, profileId)) return
      deps.notify({
        title: `Could not copy ${name}’s ${COPY_FORMAT_WORDS[format].noun}`,
        body: isAppError(error) ? error.message : 'Something went wrong inside the app.',
        profileId,
      })
    }
  }
}
