import { describe, expect, it } from 'vitest'
import type { ProfileView } from '../../../main/core/service/types'
import type { SessionStatus } from '../../../main/core/sessions/session-state'
import { profileView } from '../testing/fake-api'
import type { ActivityEntry } from '../../../main/core/service/activity-log'
import {
  emptyResult,
  EXPIRING_SOON_MS,
  filterCounts,
  matchesSearch,
  moveSelection,
  needsAttention,
  pinAttention,
  primaryAction,
  recentActivity,
  sameOrPrevious,
  searchWords,
  selectedProfile,
  sortProfiles,
  visibleProfiles,
} from './profile-list'

const NOW = Date.parse('2026-12-01T10:00:00Z')
const MIN = 60_000

/** A profile named `name` in `status` whose token has `left` ms left (none when undefined). */
function profile(
  name: string,
  left: number | undefined,
  status: SessionStatus = 'valid',
  more: Partial<ProfileView> = {},
): ProfileView {
  const base = profileView()
  return {
    ...base,
    id: name.toLowerCase().replace(/\W+/g, '-'),
    name,
    ...more,
    session: {
      ...base.session,
      status,
      issuedAt: left === undefined ? undefined : NOW - 60 * MIN + left,
      expiresAt: left === undefined ? undefined : NOW + left,
    },
  }
}

const names = (profiles: readonly ProfileView[]) => profiles.map((p) => p.name)

describe('needsAttention', () => {
  it('is true for a needed sign-in, failing refreshes and a token that ran out', () => {
    expect(needsAttention(profile('A', 40 * MIN), NOW)).toBe(false)
    expect(needsAttention(profile('A', 40 * MIN, 'refreshing'), NOW)).toBe(false)
    expect(needsAttention(profile('A', 40 * MIN, 'retrying'), NOW)).toBe(true)
    const retryRunning = profile('A', 40 * MIN, 'refreshing')
    const failing = { ...retryRunning, session: { ...retryRunning.session, failures: 2 } }
    expect(needsAttention(failing, NOW)).toBe(true)
    expect(needsAttention(profile('A', undefined, 'needs-sign-in'), NOW)).toBe(true)
    expect(needsAttention(profile('A', undefined, 'signed-out'), NOW)).toBe(true)
    expect(needsAttention(profile('A', -MIN, 'expired'), NOW)).toBe(true)
    // Main still says valid, but the clock says the token ran out.
    expect(needsAttention(profile('A', -1000), NOW)).toBe(true)
  })
})

describe('search', () => {
  const acme = profile('Acme staging', 40 * MIN)
  const globex = profile('Globex', 40 * MIN, 'valid', {
    environment: { kind: 'production' },
    environmentLabel: 'production',
  })
  const equipe = profile('Équipe vidéo', 40 * MIN, 'valid', { demo: true })

  it('matches the name and the environment, whatever the case and accents', () => {
    expect(matchesSearch(acme, searchWords('STAG'))).toBe(true)
    expect(matchesSearch(globex, searchWords('prod'))).toBe(true)
    expect(matchesSearch(acme, searchWords('prod'))).toBe(false)
    expect(matchesSearch(equipe, searchWords('equipe video'))).toBe(true)
    expect(matchesSearch(equipe, searchWords('demo'))).toBe(true)
  })

  it('needs every word somewhere, and a blank search matches everything', () => {
    expect(matchesSearch(globex, searchWords(' glo  prod '))).toBe(true)
    expect(matchesSearch(globex, searchWords('glo sandbox'))).toBe(false)
    expect(searchWords('   ')).toEqual([])
    expect(matchesSearch(acme, [])).toBe(true)
  })
})

describe('arranging the list', () => {
  const valid = profile('beta', 50 * MIN)
  const soon = profile('Alpha', 4 * MIN)
  const retrying = profile('Zulu', 20 * MIN, 'retrying')
  const signIn = profile('Mike', undefined, 'needs-sign-in')
  const later = profile('alpha 10', 59 * MIN)
  const all = [valid, soon, retrying, signIn, later]

  it('sorts by name, ignoring case and counting numbers as numbers', () => {
    const numbered = [profile('Acme 10', 1), profile('acme 9', 1), profile('Acme 1', 1)]
    expect(names(sortProfiles(numbered, 'name'))).toEqual(['Acme 1', 'acme 9', 'Acme 10'])
    expect(names(sortProfiles(all, 'name'))).toEqual(['Alpha', 'alpha 10', 'beta', 'Mike', 'Zulu'])
  })

  it('sorts by time left, least first, a profile without a token before all', () => {
    expect(names(sortProfiles(all, 'time-left'))).toEqual(['Mike', 'Alpha', 'Zulu', 'beta', 'alpha 10'])
  })

  it('pins the profiles that need attention at the top, keeping the order within each group', () => {
    const sorted = sortProfiles(all, 'name')
    expect(names(pinAttention(sorted, NOW))).toEqual(['Mike', 'Zulu', 'Alpha', 'alpha 10', 'beta'])
    const calm = sortProfiles([valid, later], 'name')
    expect(pinAttention(calm, NOW)).toBe(calm)
  })

  it('filters by attention and by time left, and counts each filter within the search', () => {
    const arranged = pinAttention(sortProfiles(all, 'name'), NOW)
    expect(names(visibleProfiles(arranged, [], 'attention', NOW))).toEqual(['Mike', 'Zulu'])
    expect(names(visibleProfiles(arranged, [], 'expiring', NOW))).toEqual(['Alpha'])
    expect(names(visibleProfiles(arranged, searchWords('alp'), 'all', NOW))).toEqual(['Alpha', 'alpha 10'])
    expect(filterCounts(all, [], NOW)).toEqual({ all: 5, attention: 2, expiring: 1 })
    expect(filterCounts(all, searchWords('alpha'), NOW)).toEqual({ all: 2, attention: 0, expiring: 1 })
  })

  it('counts a token as expiring soon from under ten minutes left until it runs out', () => {
    const at = (left: number) => visibleProfiles([profile('A', left)], [], 'expiring', NOW).length
    expect(EXPIRING_SOON_MS).toBe(10 * MIN)
    expect(at(10 * MIN)).toBe(0)
    expect(at(10 * MIN - 1000)).toBe(1)
    expect(at(1000)).toBe(1)
    expect(at(0)).toBe(0)
  })
})

describe('selection', () => {
  const [a, b, c] = [profile('A', MIN), profile('B', MIN), profile('C', MIN)]
  const visible = [a, b, c]

  it('keeps the chosen profile while it is shown, and falls back to the first shown', () => {
    expect(selectedProfile(visible, b.id)).toBe(b)
    expect(selectedProfile([a, c], b.id)).toBe(a)
    expect(selectedProfile(visible, undefined)).toBe(a)
    expect(selectedProfile([], b.id)).toBeUndefined()
  })

  it('moves one step, to either end, and stops at the ends', () => {
    expect(moveSelection(visible, a.id, 'next')).toBe(b)
    expect(moveSelection(visible, c.id, 'next')).toBe(c)
    expect(moveSelection(visible, b.id, 'previous')).toBe(a)
    expect(moveSelection(visible, a.id, 'previous')).toBe(a)
    expect(moveSelection(visible, a.id, 'last')).toBe(c)
    expect(moveSelection(visible, c.id, 'first')).toBe(a)
    expect(moveSelection(visible, 'gone', 'next')).toBe(a)
    expect(moveSelection([], a.id, 'next')).toBeUndefined()
  })
})

describe('sameOrPrevious', () => {
  it('keeps the previous list when nothing in it changed', () => {
    const [a, b] = [profile('A', MIN), profile('B', MIN)]
    const previous = [a, b]
    expect(sameOrPrevious(previous, [a, b])).toBe(previous)
    const reordered = [b, a]
    expect(sameOrPrevious(previous, reordered)).toBe(reordered)
    const shorter = [a]
    expect(sameOrPrevious(previous, shorter)).toBe(shorter)
    expect(sameOrPrevious(undefined, shorter)).toBe(shorter)
  })
})

describe('primaryAction', () => {
  it('copies while a token works, even when the next one needs a sign-in; otherwise signs in', () => {
    expect(primaryAction(profile('A', MIN), NOW)).toBe('copy')
    expect(primaryAction(profile('A', MIN, 'needs-sign-in'), NOW)).toBe('copy')
    expect(primaryAction(profile('A', undefined, 'needs-sign-in'), NOW)).toBe('sign-in')
    expect(primaryAction(profile('A', -MIN, 'signed-out'), NOW)).toBe('sign-in')
    // An expired token that a refresh can replace: copying refreshes first.
    expect(primaryAction(profile('A', -MIN, 'expired'), NOW)).toBe('copy')
  })
})

describe('emptyResult', () => {
  it('names the search, and the filter it was made in', () => {
    expect(emptyResult(' glox ', 'all')).toEqual({
      message: 'No profile matches “glox”.',
      action: 'Clear search',
    })
    expect(emptyResult('acme', 'expiring').message).toBe('No profile matches “acme” in “Expiring soon”.')
    expect(emptyResult('', 'attention')).toEqual({
      message: 'No profile needs attention.',
      action: 'Show all profiles',
    })
    expect(emptyResult('  ', 'expiring').message).toBe('No token expires soon.')
  })
})

describe('recentActivity', () => {
  it('is the profile’s latest entries, newest first', () => {
    const entry = (id: number, profileId: string): ActivityEntry => ({
      id,
      at: id,
      profileId,
      profileName: profileId,
      kind: 'copied',
      detail: `Copied ${id}`,
    })
    const log = [entry(1, 'a'), entry(2, 'b'), entry(3, 'a'), entry(4, 'a'), entry(5, 'b'), entry(6, 'a')]
    expect(recentActivity(log, 'a', 3).map((e) => e.id)).toEqual([6, 4, 3])
    expect(recentActivity(log, 'b', 5).map((e) => e.id)).toEqual([5, 2])
    expect(recentActivity(log, 'c', 5)).toEqual([])
  })
})
