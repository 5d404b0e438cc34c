import { describe, expect, it, vi } from 'vitest'
import { AppError } from '../../core/errors'
import type { IssuedToken } from '../../core/sessions/session'
import { copyConfirmation, createQuickCopy } from './quick-copy'
import { profileView } from '../../testing/profile-fixtures'

const NOW = Date.UTC(2026, 0, 1, 9, 0, 0)

describe('copyConfirmation', () => {
  it('names the profile, what was copied and when the clipboard clears', () => {
    expect(copyConfirmation('acme', 'token', NOW + 30_000, NOW)).toBe(
      'Copied acme’s token; the clipboard clears in 30 s.',
    )
    expect(copyConfirmation('acme', 'header', NOW + 600_000, NOW)).toBe(
      'Copied acme’s Authorization header; the clipboard clears in 10 min.',
    )
    expect(copyConfirmation('acme', 'export', null, NOW)).toBe('Copied acme’s export line.')
  })
})

describe('createQuickCopy', () => {
  const acme = profileView({ name: 'acme' })
  const token: IssuedToken = { accessToken: 'tok-123', expiresAt: NOW + 3_600_000 }

  function setup(getToken = vi.fn(() => Promise.resolve(token))) {
    const copy = vi.fn<(text: string) => Promise<number | null>>(() => Promise.resolve(NOW + 30_000))
    const notify = vi.fn()
    const quickCopy = createQuickCopy({
      service: { find: () => acme, getToken },
      clipboard: { copy },
      notify,
      now: () => NOW,
    })
    return { quickCopy, copy, notify, getToken }
  }

  it('asks the engine for a token with the configured minimum validity, copies it and confirms', async () => {
    const { quickCopy, copy, notify, getToken } = setup()
    await quickCopy(acme.id, 'token')
    expect(getToken).toHaveBeenCalledWith(acme.id, { purpose: 'copy-token' })
    expect(copy).toHaveBeenCalledWith('tok-123')
    expect(notify).toHaveBeenCalledWith({
      title: 'Copied',
      body: 'Copied acme’s token; the clipboard clears in 30 s.',
      silent: true,
    })
  })

  it('copies the format asked for, against the profile’s base URL', async () => {
    const { quickCopy, copy } = setup()
    await quickCopy(acme.id, 'curl')
    expect(copy.mock.calls[0]?.[0]).toBe(
      "curl -H 'Authorization: Bearer tok-123' 'https://ws.api.video/videos?currentPage=1&pageSize=10'",
    )
  })

  it('says why it could not copy, and copies nothing', async () => {
    const { quickCopy, copy, notify } = setup(
      vi.fn(() => Promise.reject(new AppError('needs-sign-in', 'Sign in to acme again.'))),
    )
    await expect(quickCopy(acme.id, 'header')).resolves.toBeUndefined()
    expect(copy).not.toHaveBeenCalled()
    expect(notify).toHaveBeenCalledWith({
      title: 'Could not copy acme’s Authorization header',
      body: 'Sign in to acme again.',
      profileId: acme.id,
    })
  })

  it('leaves a copy that ended in needing a sign-in to the attention notification', async () => {
    const needs = profileView({ name: 'acme' }, { status: 'needs-sign-in' })
    const notify = vi.fn()
    const quickCopy = createQuickCopy({
      service: {
        find: () => needs,
        getToken: () => Promise.reject(new AppError('needs-sign-in', 'Sign in to acme again.')),
      },
      clipboard: { copy: () => Promise.resolve(null) },
      notify,
      now: () => NOW,
    })
    await quickCopy(needs.id, 'token')
    expect(notify).not.toHaveBeenCalled()
  })
})
