import type { CopyFormat } from '../core/common/copy-format-words'
import { formatForCopy } from '../core/copy-formats'
import type { CredentialService } from '../core/service/service'
import type { ProfileView } from '../core/service/types'
import type { CopyResult } from './contract'
import type { ClipboardPort } from './ports'

/** What copying a token needs: the engine and the clipboard guard. */
export interface CopyTokenDeps {
  readonly service: {
    find(reference: string): Pick<ProfileView, 'baseUrl'>
    getToken: CredentialService['getToken']
  }
  readonly clipboard: ClipboardPort
}

/**
 * Copies a profile's token in `format`, for the window and the tray alike: a token valid for at least the
 * configured minimum (the engine refreshes first when needed and records the copy in the activity log),
 * shaped against the profile's base URL, through the clipboard guard. Each front reports the result its
 * own way; failures reject.
 */
export async function copyToken(
  deps: CopyTokenDeps,
  profileId: string,
  format: CopyFormat,
): Promise<CopyResult> {
  const profile = deps.service.find(profileId)
  const token = await deps.service.getToken(profileId, { purpose: `copy-${format}` })
  const clearsAt = await deps.clipboard.copy(formatForCopy(format, token.accessToken, profile.baseUrl))
  return { expiresAt: token.expiresAt, clearsAt }
}
