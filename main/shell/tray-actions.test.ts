import { describe, expect, it, vi } from 'vitest'
import { AppError } from '../core/errors'
import type { VerifyOutcome } from '../core/service/types'
import { profileView } from './profile-fixtures'
import { createTrayActions, type TrayActionDeps } from './tray-actions'

const acme = profileView({ name: 'acme' })

function setup() {
  const deps = {
    service: {
      find: vi.fn(() => acme),
      refresh: vi.fn(() => Promise.resolve(acme)),
      verify: vi.fn((): Promise<VerifyOutcome> =>
        Promise.resolve({ ok: true, latencyMs: 120, videoCount: 3 }),
      ),
    },
    quickCopy: vi.fn(() => Promise.resolve()),
    openWindow: vi.fn(),
    quit: vi.fn(),
    notify: vi.fn(),
  }
  return { deps, run: createTrayActions(deps satisfies TrayActionDeps) }
}

describe('createTrayActions', () => {
  it('leaves a refresh that ended in needing a sign-in to the attention notification', async () => {
    const { deps, run } = setup()
    deps.service.find.mockReturnValue(profileView({ name: 'acme' }, { status: 'needs-sign-in' }))
    deps.service.refresh.mockRejectedValueOnce(new AppError('credentials-rejected', 'Rejected.'))
    await run({ kind: 'refresh', profileId: acme.id })
    expect(deps.notify).not.toHaveBeenCalled()
  })

  it('copies in the format of the item', async () => {
    const { deps, run } = setup()
    await run({ kind: 'copy', profileId: acme.id, format: 'export' })
    expect(deps.quickCopy).toHaveBeenCalledExactlyOnceWith(acme.id, 'export')
  })

  it('refreshes now, and says so when it fails', async () => {
    const { deps, run } = setup()
    await run({ kind: 'refresh', profileId: acme.id })
    expect(deps.service.refresh).toHaveBeenCalledWith(acme.id)
    expect(deps.notify).not.toHaveBeenCalled()
    deps.service.refresh.mockRejectedValueOnce(new AppError('network', 'Could not reach api.video.'))
    await run({ kind: 'refresh', profileId: acme.id })
    expect(deps.notify).toHaveBeenCalledWith({
      title: 'Could not refresh acme',
      body: 'Could not reach api.video.',
      profileId: acme.id,
    })
  })

  it('verifies and tells the result either way', async () => {
    const { deps, run } = setup()
    await run({ kind: 'verify', profileId: acme.id })
    expect(deps.notify).toHaveBeenLastCalledWith({
      title: 'acme: the token works',
      body: 'api.video answered in 120 ms.',
      silent: true,
    })
    deps.service.verify.mockResolvedValueOnce({
      ok: false,
      error: { kind: 'rejected', message: 'Token refused.' },
    })
    await run({ kind: 'verify', profileId: acme.id })
    expect(deps.notify).toHaveBeenLastCalledWith({
      title: 'acme: the token was refused',
      body: 'Token refused.',
      profileId: acme.id,
    })
  })

  it('opens the window, at a profile when given, and quits', async () => {
    const { deps, run } = setup()
    await run({ kind: 'open-window' })
    await run({ kind: 'open-window', profileId: acme.id })
    expect(deps.openWindow.mock.calls).toEqual([[undefined], [acme.id]])
    await run({ kind: 'quit' })
    expect(deps.quit).toHaveBeenCalledOnce()
  })
})
