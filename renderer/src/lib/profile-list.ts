import type { ActivityEntry } from '../../../main/core/service/activity-log'
import type { ProfileView } from '../../../main/core/service/types'
import { needsSignIn } from './status'

/** Which profiles the list shows, beyond the search. */
export type ListFilter = 'all' | 'attention' | 'expiring'

/** The list's order. Profiles that need attention come first in both. */
export type ListSort = 'name' | 'time-left'

/** A token with less than this left counts as expiring soon. */
export const EXPIRING_SOON_MS = 10 * 60_000

/** The filters in the order the window offers them, with their words. */
export const LIST_FILTERS: readonly { readonly id: ListFilter; readonly label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'attention', label: 'Needs attention' },
  { id: 'expiring', label: 'Expiring soon' },
]

/** The sort orders in the order the window offers them, with their words. */
export const LIST_SORTS: readonly { readonly id: ListSort; readonly label: string }[] = [
  { id: 'name', label: 'Name' },
  { id: 'time-left', label: 'Time left' },
]

/**
 * Whether a person must act: the profile needs a sign-in, its refreshes keep failing (also while the next
 * attempt runs, so it does not leave the top of the list at each retry), or its token has run out (also
 * when main has not said so yet: the clock decides, as the countdown does).
 */
export function needsAttention(profile: ProfileView, now: number): boolean {
  const { status, expiresAt, failures } = profile.session
  if (needsSignIn(status) || status === 'retrying' || status === 'expired') return true
  if (status === 'refreshing') return failures > 0
  return expiresAt === undefined || expiresAt <= now
}

/** Whether the profile holds a working token with less than `EXPIRING_SOON_MS` left. */
export function expiringSoon(profile: ProfileView, now: number): boolean {
  const { expiresAt } = profile.session
  return expiresAt !== undefined && expiresAt > now && expiresAt - now < EXPIRING_SOON_MS
}

/** Whether a profile passes a filter at `now`. */
export function passesFilter(profile: ProfileView, filter: ListFilter, now: number): boolean {
  switch (filter) {
    case 'all':
      return true
    case 'attention':
      return needsAttention(profile, now)
    case 'expiring':
      return expiringSoon(profile, now)
  }
}

/** Lower case, without accents: "Équipe" is found by "equipe". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

// Profiles are immutable views (an update replaces the object), so each is folded once, not per keystroke.
const haystacks = new WeakMap<ProfileView, string>()

function haystackOf(profile: ProfileView): string {
  let haystack = haystacks.get(profile)
  if (haystack === undefined) {
    const { name, environment, environmentLabel, demo } = profile
    haystack = fold([name, environment.kind, environmentLabel, demo ? 'demo' : ''].join('\n'))
    haystacks.set(profile, haystack)
  }
  return haystack
}

/** The words of a search, folded; none for a blank search. */
export function searchWords(query: string): readonly string[] {
  return fold(query).split(/\s+/u).filter(Boolean)
}

/** Whether every word of the search is in the profile's name or environment. */
export function matchesSearch(profile: ProfileView, words: readonly string[]): boolean {
  if (words.length === 0) return true
  const haystack = haystackOf(profile)
  return words.every((word) => haystack.includes(word))
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

const byName = (a: ProfileView, b: ProfileView): number => collator.compare(a.name, b.name)

/** Least time left first; a profile without a token has none left. */
const byTimeLeft = (a: ProfileView, b: ProfileView): number =>
  (a.session.expiresAt ?? -Infinity) - (b.session.expiresAt ?? -Infinity) || byName(a, b)

/**
 * The profiles in a sort order. Independent of the clock (time left is ordered by the absolute expiry), so
 * the ticking clock never re-sorts.
 */
export function sortProfiles(profiles: readonly ProfileView[], sort: ListSort): readonly ProfileView[] {
  return [...profiles].sort(sort === 'name' ? byName : byTimeLeft)
}

/** The sorted profiles with those that need attention moved to the top, each group keeping its order. */
export function pinAttention(sorted: readonly ProfileView[], now: number): readonly ProfileView[] {
  const first = sorted.filter((profile) => needsAttention(profile, now))
  if (first.length === 0) return sorted
  return [...first, ...sorted.filter((profile) => !needsAttention(profile, now))]
}

/** What the search and the filter leave of the arranged profiles, in their order. */
export function visibleProfiles(
  arranged: readonly ProfileView[],
  words: readonly string[],
  filter: ListFilter,
  now: number,
): readonly ProfileView[] {
  return arranged.filter((profile) => matchesSearch(profile, words) && passesFilter(profile, filter, now))
}

/** How many profiles the search matches under each filter (the number beside each filter). */
export function filterCounts(
  profiles: readonly ProfileView[],
  words: readonly string[],
  now: number,
): Readonly<Record<ListFilter, number>> {
  const counts = { all: 0, attention: 0, expiring: 0 }
  for (const profile of profiles) {
    if (!matchesSearch(profile, words)) continue
    counts.all += 1
    if (needsAttention(profile, now)) counts.attention += 1
    if (expiringSoon(profile, now)) counts.expiring += 1
  }
  return counts
}

/** The selected profile: the chosen one while it is shown, otherwise the first shown. */
export function selectedProfile(
  visible: readonly ProfileView[],
  chosenId: string | undefined,
): ProfileView | undefined {
  return visible.find((profile) => profile.id === chosenId) ?? visible[0]
}

/** Where a move goes. */
export type Move = 'next' | 'previous' | 'first' | 'last'

/** The profile a move selects, staying put at either end; undefined when nothing is shown. */
export function moveSelection(
  visible: readonly ProfileView[],
  currentId: string | undefined,
  move: Move,
): ProfileView | undefined {
  const index = visible.findIndex((profile) => profile.id === currentId)
  switch (move) {
    case 'first':
      return visible[0]
    case 'last':
      return visible.at(-1)
    case 'next':
      return visible[Math.min(visible.length - 1, index + 1)]
    case 'previous':
      return visible[Math.max(0, index - 1)]
  }
}

/** `previous` when `next` holds the same items in the same order, so nothing that reads it redraws. */
export function sameOrPrevious<T>(previous: readonly T[] | undefined, next: readonly T[]): readonly T[] {
  if (previous?.length !== next.length) return next
  return next.every((item, index) => item === previous[index]) ? previous : next
}

/** A profile's latest activity, newest first. */
export function recentActivity(
  entries: readonly ActivityEntry[],
  profileId: string,
  count: number,
): readonly ActivityEntry[] {
  const recent: ActivityEntry[] = []
  for (let index = entries.length - 1; index >= 0 && recent.length < count; index -= 1) {
    const entry = entries[index]
    if (entry?.profileId === profileId) recent.push(entry)
  }
  return recent
}

/** What a row's primary action (its button, Enter) does: copy the token, or sign in when none is left. */
export function primaryAction(profile: ProfileView, now: number): 'copy' | 'sign-in' {
  const { status, expiresAt } = profile.session
  return needsSignIn(status) && (expiresAt === undefined || expiresAt <= now) ? 'sign-in' : 'copy'
}

/** What the list says when the search and the filter leave nothing, and what its button offers. */
export function emptyResult(
  query: string,
  filter: ListFilter,
): { readonly message: string; readonly action: string } {
  const search = query.trim()
  const within = filter === 'all' ? '' : ` in “${filterLabel(filter)}”`
  if (search !== '') return { message: `No profile matches “${search}”${within}.`, action: 'Clear search' }
  return {
    message: filter === 'expiring' ? 'No token expires soon.' : 'No profile needs attention.',
    action: 'Show all profiles',
  }
}

function filterLabel(filter: ListFilter): string {
  return LIST_FILTERS.find((entry) => entry.id === filter)?.label ?? filter
}
