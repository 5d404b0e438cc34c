import { describe, expect, it, vi } from 'vitest'
import { AppError } from '../core/errors'
import type { IssuedToken } from '../core/sessions/session'
import { copyToken } from './copy-token'

const NOW = Date.UTC(2026, 0, 1, 9, 0, 0)
const acme = { id: 'id-acme', baseUrl: 'https://sandbox.api.video' }
const token: IssuedToken = { accessToken: 'eyJ.a.b', expiresAt: NOW + 3_600_000 }

function setup(getToken = vi.fn(() => Promise.resolve(token))) {
  const copy = vi.fn<(text: string) => Promise<number | null>>(() => Promise.resolve(NOW + 30_000))
  return { deps: { service: { find: () => acme, getToken }, clipboard: { copy } }, copy, getToken }
}

describe('copyToken', () => {
  it('copies the format asked for against the profile’s base URL, and says when the token expires and the clipboard clears', async () => {
    const { deps, copy, getToken } = setup()
    await expect(copyToken(deps, acme.id, 'curl')).resolves.toEqual({
      expiresAt: NOW + 3_600_000,
      clearsAt: NOW + 30_000,
    })
    expect(getToken).toHaveBeenCalledWith(acme.id, { purpose: 'copy-curl' })
    expect(copy).toHaveBeenCalledWith(
      "curl -H 'Authorization: Bearer eyJ.a.b' 'https://sandbox.api.video/videos?currentPage=1&pageSize=10'",
    )
  })

  it('copies nothing and passes the engine’s error on when no token can be had', async () => {
    const refused = new AppError('needs-sign-in', 'Sign in to acme again.')
    const { deps, copy } = setup(vi.fn(() => Promise.reject(refused)))
    await expect(copyToken(deps, acme.id, 'token')).rejects.toBe(refused)
    expect(copy).not.toHaveBeenCalled()
  })
})
