import { describe, expect, it } from 'vitest'
import type { ProfileView } from '../../core/service/types'
import type { SessionStatus } from '../../core/sessions/session-state'
import { ALL_STATUSES, profileView } from '../../testing/profile-fixtures'
import { groupProfiles } from './groups'

const NOW = Date.UTC(2026, 0, 1, 9, 0, 0)
const MIN = 60_000

/** "production", "sandbox" or a custom base URL. */
type Place = string

/** A profile named `name` in `place`, in `status`. */
function profile(name: string, place: Place, status: SessionStatus = 'valid'): ProfileView {
  const where = place === 'production' ? {} : place === 'sandbox' ? { sandbox: true } : { baseUrl: place }
  const expiresAt = status === 'signed-out' ? undefined : status === 'expired' ? NOW - MIN : NOW + 30 * MIN
  return profileView({ name, ...where }, { status, expiresAt })
}

const names = (list: readonly ProfileView[]) => list.map((p) => p.name)

describe('groupProfiles', () => {
  it('groups by environment: production, sandbox, then each custom host by name, whatever the list order', () => {
    const { attention, groups } = groupProfiles(
      [
        profile('zeta', 'https://zz.example.com'),
        profile('beta', 'sandbox'),
        profile('alpha', 'https://api.example.com/v1'),
        profile('acme', 'production'),
        profile('gamma', 'https://api.example.com/v2'),
        profile('delta', 'sandbox'),
      ],
      NOW,
    )
    expect(attention).toEqual([])
    expect(groups.map((g) => [g.key, g.label, names(g.profiles)])).toEqual([
      ['production', 'Production', ['acme']],
      ['sandbox', 'Sandbox', ['beta', 'delta']],
      ['custom:api.example.com', 'api.example.com', ['alpha', 'gamma']],
      ['custom:zz.example.com', 'zz.example.com', ['zeta']],
    ])
  })

  it('takes out, in list order, the profiles that turn the tray icon amber or red', () => {
    const list = ALL_STATUSES.map((status) => profile(status, 'sandbox', status))
    const unsaved = profileView(
      { name: 'unsaved' },
      {
        status: 'valid',
        expiresAt: NOW + 30 * MIN,
        keychainError: { kind: 'keychain-unavailable', message: 'locked', at: NOW },
      },
    )
    const expiring = profileView({ name: 'expiring' }, { status: 'valid', expiresAt: NOW + MIN })
    const { attention, groups } = groupProfiles([...list, unsaved, expiring], NOW)
    expect(names(attention)).toEqual([
      'retrying',
      'expired',
      'needs-sign-in',
      'signed-out',
      'unsaved',
      'expiring',
    ])
    expect(groups.map((g) => names(g.profiles))).toEqual([['valid', 'refreshing']])
  })

  it('places every profile exactly once, in the same place at every render while nothing changes', () => {
    const places: Place[] = ['production', 'sandbox', 'http://127.0.0.1:4010', 'https://b.example.com']
    const list = Array.from({ length: 40 }, (_, i) =>
      profile(
        `p${String(i).padStart(2, '0')}`,
        places[i % places.length] ?? 'production',
        ALL_STATUSES[i % ALL_STATUSES.length],
      ),
    )
    const placed = (at: number) => {
      const { attention, groups } = groupProfiles(list, at)
      return [names(attention), ...groups.map((g) => [g.key, ...names(g.profiles)])]
    }
    const { attention, groups } = groupProfiles(list, NOW)
    const all = [...attention, ...groups.flatMap((g) => g.profiles)].map((p) => p.id)
    expect(all.toSorted()).toEqual(list.map((p) => p.id).toSorted())
    expect(placed(NOW + 5 * MIN)).toEqual(placed(NOW))
  })
})
