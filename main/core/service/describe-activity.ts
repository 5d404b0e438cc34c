import { COPY_FORMAT_WORDS, type CopyFormat } from '../common/copy-format-words'
import { fingerprint } from '../fingerprint'
import type { SessionActivity } from '../sessions/session'
import type { ActivityEntry } from './activity-log'
import type { CopyPurpose, TokenPurpose } from './types'

type Described = Pick<ActivityEntry, 'kind' | 'detail' | 'fingerprint'>

const TRIGGERS = {
  auto: 'Refreshed automatically',
  manual: 'Refreshed on request',
  'on-demand': 'Refreshed for a token request',
  retry: 'Refreshed after a retry',
} as const

/** Words for the activity log; tokens only as fingerprints. */
export const describeActivity = {
  session(activity: SessionActivity): Described {
    switch (activity.kind) {
      case 'refreshed':
        return {
          kind: 'refreshed',
          detail: TRIGGERS[activity.trigger],
          fingerprint: fingerprint(activity.token),
        }
      case 'signed-in':
        return {
          kind: 'signed-in',
          detail: activity.automatic ? 'Signed in again with the remembered API key' : 'Signed in',
          fingerprint: fingerprint(activity.token),
        }
      case 'verified':
        return { kind: 'verified', detail: `Verified in ${Math.round(activity.latencyMs)} ms` }
      case 'failed':
        return { kind: 'failed', detail: `Could not ${activity.action}: ${activity.error.message}` }
      case 'keychain-recovered':
        return { kind: 'keychain-recovered', detail: 'Saved the newest tokens to the keychain' }
    }
  },
  purpose(purpose: Exclude<TokenPurpose, 'print'>): string {
    switch (purpose) {
      case 'reveal':
        return 'Revealed the token'
      case 'proxy':
        return 'Lent the token to a local endpoint'
      default:
        return COPY_FORMAT_WORDS[copiedFormat(purpose)].copied
    }
  },
}

/** The format a copy's purpose names: `copy-curl` → `curl`. */
function copiedFormat(purpose: CopyPurpose): CopyFormat {
  return purpose.slice('copy-'.length) as CopyFormat
}
