import type { CredentialService } from '../../core/service/service'
import type { ProfileView, ServiceProblem } from '../../core/service/types'
import type { Notice } from './notice'

/** Consecutive failed refreshes after which a person is told: transient blips stay quiet. */
export const REPEATED_FAILURES = 3

/** Past this many notices at once, the rest are summed up in one. */
const MAX_NOTICES = 3

/** What the notifications are decided from. */
export interface AttentionState {
  readonly profiles: readonly ProfileView[]
  readonly problems: readonly ServiceProblem[]
}

/**
 * True when an action on a profile failed because the profile now needs a new sign-in: the watcher's one
 * notification says so, so the action says nothing more (the person gets one notification, not two).
 */
export function leftToAttention(service: Pick<CredentialService, 'find'>, profileId: string): boolean {
  try {
    return service.find(profileId).session.status === 'needs-sign-in'
  } catch {
    return false
  }
}

/** The empty state before the first check: whatever needs a person at start-up is notified once. */
export const NOTHING_SEEN: AttentionState = { profiles: [], problems: [] }

const problemKey = (problem: ServiceProblem): string => `${problem.kind}\n${problem.message}`

/**
 * The notifications to show for a change of state: a profile that now needs signing in, whose refreshes
 * just failed for the {@link REPEATED_FAILURES}th time in a row, or whose tokens the keychain just refused,
 * and each new service problem (keychain unavailable, unreadable profiles file). Each is notified on the
 * transition into it, so once per episode, never again on every later event.
 */
export function attentionNotices(before: AttentionState, after: AttentionState): Notice[] {
  const notices: Notice[] = []
  const seenProblems = new Set(before.problems.map(problemKey))
  const newProblems = after.problems.filter((problem) => !seenProblems.has(problemKey(problem)))
  for (const problem of newProblems) {
    notices.push({
      title:
        problem.kind === 'keychain-unavailable'
          ? 'The keychain is unavailable'
          : 'A problem needs your attention',
      body: problem.message,
    })
  }
  const keychainReported = after.problems.some((problem) => problem.kind === 'keychain-unavailable')
  const previous = new Map(before.profiles.map((profile) => [profile.id, profile.session]))
  for (const profile of after.profiles) {
    const was = previous.get(profile.id)
    const now = profile.session
    const profileId = profile.id
    if (now.status === 'needs-sign-in' && was?.status !== 'needs-sign-in') {
      notices.push({
        // A profile whose stored base URL breaks the rules cannot be fixed by signing in.
        title:
          now.lastError?.kind === 'base-url-not-allowed'
            ? `${profile.name}’s base URL is not allowed`
            : `${profile.name} needs you to sign in again`,
        body:
          now.lastError?.message ??
          'api.video no longer accepts its refresh token. Open it to enter the API key.',
        profileId,
      })
    } else if (now.failures >= REPEATED_FAILURES && (was?.failures ?? 0) < REPEATED_FAILURES) {
      notices.push({
        title: `${profile.name}: refreshing keeps failing`,
        body: `${now.lastError?.message ?? 'The refresh failed.'} The app keeps retrying.`,
        profileId,
      })
    }
    if (now.keychainError !== undefined && was?.keychainError === undefined && !keychainReported) {
      notices.push({
        title: `The keychain refused ${profile.name}’s tokens`,
        body: now.keychainError.message,
        profileId,
      })
    }
  }
  if (notices.length <= MAX_NOTICES) return notices
  return [
    ...notices.slice(0, MAX_NOTICES - 1),
    {
      title: `${notices.length - (MAX_NOTICES - 1)} more things need your attention`,
      body: 'Open the app to see them.',
    },
  ]
}
