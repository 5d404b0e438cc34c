import { describe, expect, it } from 'vitest'
import { attentionNotices, NOTHING_SEEN, REPEATED_FAILURES, type AttentionState } from './attention'
import { profileView } from '../../testing/profile-fixtures'

const error = (message: string) => ({ kind: 'network', message, at: 0 }) as const
const valid = profileView({ name: 'acme' }, { status: 'valid' })
const state = (...profiles: AttentionState['profiles']): AttentionState => ({ profiles, problems: [] })

describe('attentionNotices', () => {
  it('says nothing while everything is fine', () => {
    expect(attentionNotices(state(valid), state(valid))).toEqual([])
    expect(attentionNotices(NOTHING_SEEN, state(valid))).toEqual([])
  })

  it('notifies once when a profile comes to need signing in, opening that profile', () => {
    const needs = profileView(
      { name: 'acme' },
      { status: 'needs-sign-in', lastError: error('api.video refused the refresh token.') },
    )
    expect(attentionNotices(state(valid), state(needs))).toEqual([
      {
        title: 'acme needs you to sign in again',
        body: 'api.video refused the refresh token.',
        profileId: needs.id,
      },
    ])
    expect(attentionNotices(state(needs), state(needs))).toEqual([])
  })

  it('names a refused base URL, which signing in again would not fix', () => {
    const refused = profileView(
      { name: 'acme' },
      {
        status: 'needs-sign-in',
        lastError: {
          kind: 'base-url-not-allowed',
          message: 'This profile’s base URL … is not allowed.',
          at: 0,
        },
      },
    )
    expect(attentionNotices(NOTHING_SEEN, state(refused))).toEqual([
      {
        title: 'acme’s base URL is not allowed',
        body: 'This profile’s base URL … is not allowed.',
        profileId: refused.id,
      },
    ])
  })

  it('notifies a profile that needed signing in already at start-up', () => {
    const needs = profileView({ name: 'acme' }, { status: 'needs-sign-in' })
    expect(attentionNotices(NOTHING_SEEN, state(needs))).toHaveLength(1)
  })

  it(`notifies repeated refresh failures once per episode, at the ${REPEATED_FAILURES}rd failure`, () => {
    const failing = (failures: number) =>
      profileView(
        { name: 'acme' },
        { status: 'retrying', failures, lastError: error('Could not reach api.video.') },
      )
    const sequence = [
      valid,
      failing(1),
      failing(2),
      failing(3),
      failing(4),
      failing(5),
      valid,
      failing(1),
      failing(2),
      failing(3),
    ]
    const notices = sequence
      .slice(1)
      .flatMap((next, i) => attentionNotices(state(sequence[i] ?? valid), state(next)))
    expect(notices).toEqual([
      {
        title: 'acme: refreshing keeps failing',
        body: 'Could not reach api.video. The app keeps retrying.',
        profileId: valid.id,
      },
      {
        title: 'acme: refreshing keeps failing',
        body: 'Could not reach api.video. The app keeps retrying.',
        profileId: valid.id,
      },
    ])
  })

  it('notifies a new keychain problem once, without one notice per profile on top of it', () => {
    const problem = { kind: 'keychain-unavailable', message: 'The keychain is locked.' } as const
    const refused = profileView(
      { name: 'acme' },
      { status: 'valid', keychainError: { kind: 'keychain-unavailable', message: 'locked', at: 0 } },
    )
    const after = { profiles: [refused], problems: [problem] }
    expect(attentionNotices(NOTHING_SEEN, after)).toEqual([
      { title: 'The keychain is unavailable', body: 'The keychain is locked.' },
    ])
    expect(attentionNotices(after, after)).toEqual([])
  })

  it('notifies a profile whose tokens the keychain refused to save', () => {
    const refused = profileView(
      { name: 'acme' },
      { status: 'valid', keychainError: { kind: 'keychain-unavailable', message: 'Access denied.', at: 0 } },
    )
    expect(attentionNotices(state(valid), state(refused))).toEqual([
      { title: 'The keychain refused acme’s tokens', body: 'Access denied.', profileId: refused.id },
    ])
  })

  it('sums up beyond three notices at once', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((name) => profileView({ name }, { status: 'needs-sign-in' }))
    const notices = attentionNotices(NOTHING_SEEN, state(...many))
    expect(notices).toHaveLength(3)
    expect(notices[2]).toEqual({
      title: '3 more things need your attention',
      body: 'Open the app to see them.',
    })
  })
})
