import { describe, expect, it } from 'vitest'
import type { SessionStatus } from '../sessions/session-state'
import {
  canIssueToken,
  needsAttention,
  needsSignIn,
  SESSION_STATUS,
  statusLabel,
  statusPhrase,
  statusWord,
} from './session-status'

const STATUSES = Object.keys(SESSION_STATUS) as SessionStatus[]

describe('the status vocabulary', () => {
  it('words every status once, lower case for text and capitalised for a badge', () => {
    expect(STATUSES.map(statusWord)).toEqual([
      'valid',
      'refreshing…',
      'retrying',
      'expired',
      'needs sign-in',
      'signed out',
    ])
    expect(STATUSES.map(statusLabel)).toEqual([
      'Valid',
      'Refreshing…',
      'Retrying',
      'Expired',
      'Needs sign-in',
      'Signed out',
    ])
    expect(statusPhrase('signed-out')).toBe('is signed out')
  })

  it('issues tokens without the person unless the profile needs a sign-in, which is the exact negation', () => {
    expect(STATUSES.filter(canIssueToken)).toEqual(['valid', 'refreshing', 'retrying', 'expired'])
    for (const status of STATUSES) expect(needsSignIn(status)).toBe(!canIssueToken(status))
  })

  it('calls for attention when no token can be had without a sign-in, or the token expired', () => {
    expect(STATUSES.filter(needsAttention)).toEqual(['expired', 'needs-sign-in', 'signed-out'])
    for (const status of STATUSES.filter(needsSignIn)) expect(needsAttention(status)).toBe(true)
  })
})
