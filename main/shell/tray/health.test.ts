import { describe, expect, it } from 'vitest'
import { profileView } from '../../testing/profile-fixtures'
import { trayHealth, trayTooltip } from './health'

const NOW = Date.UTC(2026, 0, 1, 9, 0, 0)
const MIN = 60_000
const valid = (name: string, minutes = 40) =>
  profileView({ name }, { status: 'valid', expiresAt: NOW + minutes * MIN })

describe('trayHealth and trayTooltip', () => {
  it('is all good with no profile or only valid ones', () => {
    expect(trayHealth([], [], NOW)).toBe('ok')
    expect(trayTooltip([], [], NOW)).toBe('api.video Credential Manager: no profiles yet')
    expect(trayHealth([valid('acme'), valid('beta')], [], NOW)).toBe('ok')
    expect(trayTooltip([valid('acme'), valid('beta')], [], NOW)).toBe(
      'api.video Credential Manager: all 2 profiles ready',
    )
    expect(trayTooltip([valid('acme')], [], NOW)).toBe('api.video Credential Manager: acme is ready')
  })

  it('warns while a refresh is being retried or a token is about to expire', () => {
    const retrying = profileView(
      { name: 'beta' },
      { status: 'retrying', expiresAt: NOW + 20 * MIN, failures: 1 },
    )
    expect(trayHealth([valid('acme'), retrying], [], NOW)).toBe('warning')
    expect(trayTooltip([valid('acme'), retrying], [], NOW)).toBe(
      'api.video Credential Manager: beta is retrying a refresh',
    )
    expect(trayHealth([valid('acme', 1)], [], NOW)).toBe('warning')
    expect(trayTooltip([valid('acme', 1), retrying], [], NOW)).toContain('2 profiles expiring or retrying')
  })

  it('asks for attention when a profile needs a person, winning over warnings', () => {
    const retrying = profileView({ name: 'beta' }, { status: 'retrying', expiresAt: NOW + 20 * MIN })
    for (const status of ['needs-sign-in', 'signed-out', 'expired'] as const) {
      expect(trayHealth([retrying, profileView({ name: 'acme' }, { status })], [], NOW)).toBe('attention')
    }
    const signIn = profileView({ name: 'acme' }, { status: 'needs-sign-in' })
    expect(trayTooltip([signIn, retrying], [], NOW)).toBe('api.video Credential Manager: acme needs sign-in')
    const unsaved = profileView(
      { name: 'gamma' },
      {
        status: 'valid',
        expiresAt: NOW + 30 * MIN,
        keychainError: { kind: 'keychain-unavailable', message: 'm', at: NOW },
      },
    )
    expect(trayHealth([unsaved], [], NOW)).toBe('attention')
  })

  it('asks for attention when the keychain is unavailable', () => {
    const problems = [{ kind: 'keychain-unavailable', message: 'locked' }] as const
    expect(trayHealth([valid('acme')], problems, NOW)).toBe('attention')
    expect(trayTooltip([valid('acme')], problems, NOW)).toBe(
      'api.video Credential Manager: the keychain is unavailable',
    )
  })

  it('keeps the tooltip within Windows’ 127 characters', () => {
    const long = profileView({ name: 'n'.repeat(64) }, { status: 'needs-sign-in' })
    expect(trayTooltip([long], [], NOW).length).toBeLessThanOrEqual(127)
  })
})
