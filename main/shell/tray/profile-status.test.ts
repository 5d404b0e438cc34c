import { describe, expect, it } from 'vitest'
import { formatTimeLeft } from '../../core/common/durations'
import { statusWord } from '../../core/common/session-status'
import type { SessionStatus } from '../../core/sessions/session-state'
import { msUntilLabelChange, trayStatus } from './profile-status'
import { ALL_STATUSES, profileView } from '../../testing/profile-fixtures'

const NOW = Date.UTC(2026, 0, 1, 9, 0, 0)

describe('trayStatus', () => {
  it('words each status from the shared vocabulary, with the time left while the token is good', () => {
    const left = 42 * 60_000
    const said = (status: SessionStatus) =>
      trayStatus(profileView({}, { status, expiresAt: NOW + left }), NOW)
    for (const status of ALL_STATUSES) {
      const expected =
        status === 'valid'
          ? formatTimeLeft(left)
          : status === 'retrying'
            ? `${statusWord(status)} · ${formatTimeLeft(left)}`
            : statusWord(status)
      expect(said(status)).toBe(expected)
    }
    expect(said('retrying')).toBe('retrying · 42 min left')
  })
})

describe('msUntilLabelChange', () => {
  it('wakes just after the next whole minute of the soonest-changing token', () => {
    const a = profileView({ name: 'a' }, { expiresAt: NOW + 10 * 60_000 + 15_000 })
    const b = profileView({ name: 'b' }, { expiresAt: NOW + 3 * 60_000 + 40_000 })
    expect(msUntilLabelChange([a, b], NOW)).toBe(15_001)
    expect(trayStatus(a, NOW)).toBe('10 min left')
    expect(trayStatus(a, NOW + 15_001)).toBe('9 min left')
  })

  it('waits at most a minute, and at least a second', () => {
    expect(msUntilLabelChange([], NOW)).toBe(60_000)
    expect(msUntilLabelChange([profileView({}, { expiresAt: NOW - 1 })], NOW)).toBe(60_000)
    expect(msUntilLabelChange([profileView({}, { expiresAt: NOW + 60_000 })], NOW)).toBe(60_000)
    expect(msUntilLabelChange([profileView({}, { expiresAt: NOW + 120_100 })], NOW)).toBe(1000)
  })
})
