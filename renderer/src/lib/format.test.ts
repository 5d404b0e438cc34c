import { describe, expect, it } from 'vitest'
import { formatAgo, formatCountdown, formatIn, remainingFraction } from './format'

describe('formatCountdown', () => {
  it.each([
    [0, '0:00'],
    [-5000, '0:00'],
    [999, '0:00'],
    [1000, '0:01'],
    [59_999, '0:59'],
    [60_000, '1:00'],
    [9 * 60_000 + 5000, '9:05'],
    [59 * 60_000 + 59_000, '59:59'],
    [3_600_000, '1:00:00'],
    [3_600_000 + 62_000, '1:01:02'],
    [10 * 3_600_000, '10:00:00'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text)
  })
})

describe('relative times', () => {
  it.each([
    [500, 'now'],
    [40_000, 'in 40 s'],
    [150_000, 'in 3 min'],
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
})

describe('remainingFraction', () => {
  it('is the share of the lifetime left, clamped', () => {
    expect(remainingFraction(1500, 1000, 3000)).toBe(0.75)
    expect(remainingFraction(4000, 1000, 3000)).toBe(0)
    expect(remainingFraction(0, 1000, 3000)).toBe(1)
    expect(remainingFraction(0, undefined, 3000)).toBe(0)
  })
})
