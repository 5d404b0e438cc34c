import { describe, expect, it, vi } from 'vitest'
import { AppError } from '../../core/errors'
import type { VerifyOutcome } from '../../core/service/types'
import { profileView } from '../../testing/profile-fixtures'
import { createTrayActions, type TrayActionDeps } from './actions'

const acme = profileView({ name: 'acme' })
const ENDPOINT_URL = 'http://127.0.0.1:49152/secret-path/'

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
    endpoints: {
      start: vi.fn<(id: string) => Promise<string>>(() => Promise.resolve(ENDPOINT_URL)),
      stop: vi.fn<(id: string) => Promise<void>>(() => Promise.resolve()),
      urlOf: vi.fn<(id: string) => string>(() => ENDPOINT_URL),
    },
    clipboard: {
      copy: vi.fn<(text: string) => Promise<number | null>>(() => Promise.resolve(Date.now() + 30_000)),
    },
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
      error: { kind: 'credentials-rejected', message: 'Token refused.' },
    })
    await run({ kind: 'verify', profileId: acme.id })
    expect(deps.notify).toHaveBeenLastCalledWith({
      title: 'acme: the token was refused',
      body: 'Token refused.',
      profileId: acme.id,
    })
  })

  it('starts a profile’s local endpoint and confirms quietly, without the URL', async () => {
    const { deps, run } = setup()
    await run({ kind: 'start-endpoint', profileId: acme.id })
    expect(deps.endpoints.start).toHaveBeenCalledExactlyOnceWith(acme.id)
    expect(deps.notify).toHaveBeenCalledExactlyOnceWith({
      title: 'Local endpoint started',
      body: 'acme’s local endpoint runs: copy its URL from the tray or the window.',
      silent: true,
    })
    expect(JSON.stringify(deps.notify.mock.calls)).not.toContain(ENDPOINT_URL)
  })

  it('says why an endpoint could not start, and opens the profile when clicked', async () => {
    const { deps, run } = setup()
    deps.endpoints.start.mockRejectedValueOnce(
      new AppError('needs-sign-in', 'Sign in to acme again before starting its local endpoint.'),
    )
    await run({ kind: 'start-endpoint', profileId: acme.id })
    expect(deps.notify).toHaveBeenCalledExactlyOnceWith({
      title: 'Could not start acme’s local endpoint',
      body: 'Sign in to acme again before starting its local endpoint.',
      profileId: acme.id,
    })
  })

  it('stops an endpoint silently', async () => {
    const { deps, run } = setup()
    await run({ kind: 'stop-endpoint', profileId: acme.id })
    expect(deps.endpoints.stop).toHaveBeenCalledExactlyOnceWith(acme.id)
    expect(deps.notify).not.toHaveBeenCalled()
  })

  it('copies the URL through the clipboard guard, and says so when it is not running', async () => {
    const { deps, run } = setup()
    await run({ kind: 'copy-endpoint', profileId: acme.id })
    expect(deps.clipboard.copy).toHaveBeenCalledExactlyOnceWith(ENDPOINT_URL)
    expect(deps.notify).toHaveBeenLastCalledWith({
      title: 'Copied',
      body: 'Copied acme’s local endpoint URL.',
      silent: true,
    })
    deps.endpoints.urlOf.mockImplementationOnce(() => {
      throw new AppError('endpoint-not-running', 'Not running.')
    })
    await run({ kind: 'copy-endpoint', profileId: acme.id })
    expect(deps.clipboard.copy).toHaveBeenCalledOnce()
    expect(deps.notify).toHaveBeenLastCalledWith({
      title: 'Could not copy the URL of acme’s local endpoint',
      body: 'Not running.',
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
