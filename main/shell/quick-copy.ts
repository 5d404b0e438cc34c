import { formatIn } from '../core/common/durations'
import type { CopyFormat } from '../core/copy-formats'
import { formatForCopy } from '../core/copy-formats'
import { isAppError } from '../core/errors'
import type { CredentialService } from '../core/service/service'
import type { ClipboardPort } from '../ipc/ports'
import { leftToAttention } from './attention'
import type { Notify } from './notice'

const WHAT: Readonly<Record<CopyFormat, string>> = {
  token: 'token',
  header: 'Authorization header',
  curl: 'curl example',
  export: 'export line',
}

/** The confirmation of a copy: "Copied acme's token; the clipboard clears in 30 s". */
export function copyConfirmation(
  name: string,
  format: CopyFormat,
  clearsAt: number | null,
  now: number,
): string {
  const copied = `Copied ${name}’s ${WHAT[format]}`
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
 * Copies a profile's token from the tray or the global shortcut: a token valid for at least the configured
 * minimum (the engine refreshes first when needed), in the asked format, through the clipboard guard; then
 * a short notification confirms it, or says why it failed. Never rejects.
 */
export function createQuickCopy(
  deps: QuickCopyDeps,
): (profileId: string, format: CopyFormat) => Promise<void> {
  return async (profileId, format) => {
    let name = 'the profile'
    try {
      const profile = deps.service.find(profileId)
      name = profile.name
      const token = await deps.service.getToken(profileId, { purpose: `copy-${format}` })
      const clearsAt = await deps.clipboard.copy(formatForCopy(format, token.accessToken, profile.baseUrl))
      deps.notify({
        title: 'Copied',
        body: copyConfirmation(name, format, clearsAt, deps.now()),
        silent: true,
      })
    } catch (error) {
      if (leftToAttention(deps.service, profileId)) return
      deps.notify({
        title: `Could not copy ${name}’s ${WHAT[format]}`,
        body: isAppError(error) ? error.message : 'Something went wrong inside the app.',
        profileId,
      })
    }
  }
}
