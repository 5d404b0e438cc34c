import { describe, expect, it } from 'vitest'
import { formatAgo, formatCountdown, formatDuration, formatIn, formatTimeLeft } from './durations'

const MIN = 60_000

describe('formatCountdown', () => {
  it.each([
    [0, '0:00'],
    [-5000, '0:00'],
    [999, '0:00'],
    [1000, '0:01'],
    [59_999, '0:59'],
    [60_000, '1:00'],
    [9 * MIN + 5000, '9:05'],
    [59 * MIN + 59_000, '59:59'],
    [3_600_000, '1:00:00'],
    [3_600_000 + 62_000, '1:01:02'],
    [10 * 3_600_000, '10:00:00'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text)
  })
})

describe('formatDuration and formatTimeLeft', () => {
  it.each([
    [42 * MIN + 59_999, '42 min'],
    [60 * MIN - 1, '59 min'],
    [MIN, '1 min'],
    [MIN - 1, 'under a minute'],
    [65 * MIN, '1 h 5 min'],
    [120 * MIN, '2 h'],
  ])('count whole minutes down: %i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
    expect(formatTimeLeft(ms)).toBe(`${text} left`)
  })

  it('say a token with no time left is expired', () => {
    expect(formatTimeLeft(0)).toBe('expired')
    expect(formatTimeLeft(-MIN)).toBe('expired')
    expect(formatDuration(-MIN)).toBe('under a minute')
  })
})

describe('formatIn and formatAgo', () => {
  it.each([
    [500, 'now'],
    [1000, 'now'],
    [1001, 'in 2 s'],
    [30_000, 'in 30 s'],
    [40_000, 'in 40 s'],
    [90_000, 'in 2 min'],
    [150_000, 'in 3 min'],
    [10 * MIN, 'in 10 min'],
  ])('formatIn(%i) → %s', (ms, text) => {
    expect(formatIn(ms)).toBe(text)
  })

  it.each([
    [10_000, 'just now'],
    [180_000, '3 min ago'],
    [7_200_000, '2 h ago'],
  ])('formatAgo(%i) → %s', (ms, text) => {
    expect(formatAgo(ms, 0)).toBe(text)
  })

  it('names the day for something more than a day ago', () => {
    const at = Date.UTC(2026, 11, 1, 12)
    const day = new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })
    expect(formatAgo(2 * 86_400_000, at)).toBe(`on ${day}`)
  })
})
