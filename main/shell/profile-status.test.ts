import { describe, expect, it } from 'vitest'
import { msUntilLabelChange, timeLeft } from './profile-status'
import { profileView } from './profile-fixtures'

const NOW = Date.UTC(2026, 0, 1, 9, 0, 0)

describe('timeLeft', () => {
  it('counts whole minutes down, and says when less than one is left', () => {
    expect(timeLeft(42 * 60_000 + 59_999)).toBe('42 min left')
    expect(timeLeft(60_000)).toBe('1 min left')
    expect(timeLeft(59_999)).toBe('under a minute left')
    expect(timeLeft(0)).toBe('expired')
    expect(timeLeft(65 * 60_000)).toBe('1 h 5 min left')
    expect(timeLeft(120 * 60_000)).toBe('2 h left')
  })
})

describe('msUntilLabelChange', () => {
  it('wakes just after the next whole minute of the soonest-changing token', () => {
    const a = profileView({ name: 'a' }, { expiresAt: NOW + 10 * 60_000 + 15_000 })
    const b = profileView({ name: 'b' }, { expiresAt: NOW + 3 * 60_000 + 40_000 })
    expect(msUntilLabelChange([a, b], NOW)).toBe(15_001)
    expect(timeLeft(NOW + 10 * 60_000 + 15_000 - (NOW + 15_001))).toBe('9 min left')
  })

  it('waits at most a minute, and at least a second', () => {
    expect(msUntilLabelChange([], NOW)).toBe(60_000)
    expect(msUntilLabelChange([profileView({}, { expiresAt: NOW - 1 })], NOW)).toBe(60_000)
    expect(msUntilLabelChange([profileView({}, { expiresAt: NOW + 60_000 })], NOW)).toBe(60_000)
    expect(msUntilLabelChange([profileView({}, { expiresAt: NOW + 120_100 })], NOW)).toBe(1000)
  })
})
