import { describe, expect, it } from 'vitest'
import * as durations from '../../../main/core/common/durations'
import { formatAgo, formatCountdown, formatIn, remainingFraction } from './format'

describe('the window’s duration formatters', () => {
  it('are the shared ones, so the window reads like the tray and avcm', () => {
    expect(formatCountdown).toBe(durations.formatCountdown)
    expect(formatIn).toBe(durations.formatIn)
    expect(formatAgo).toBe(durations.formatAgo)
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
