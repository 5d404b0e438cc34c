import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { ErrorKind } from '../../../main/core/common/error-kinds'
import type { Envelope } from '../../../main/ipc/contract'
import { Toasts } from '../lib/toasts.svelte'
import { fakeApi, pending, profileView } from '../testing/fake-api'
import LocalEndpoint from './LocalEndpoint.svelte'

const URL = 'http://127.0.0.1:49152/Zm9vYmFyYmF6/'

/** The component with its parent's part played: `onchanged` feeds the URL back in, as the store does. */
function renderEndpoint(api: Parameters<typeof fakeApi>[0], url?: string) {
  const toasts = new Toasts()
  const changes: (string | undefined)[] = []
  const view = render(LocalEndpoint, {
    api: fakeApi(api),
    profile: profileView({ name: 'Acme' }),
    url,
    toasts,
    onchanged: (next: string | undefined) => {
      changes.push(next)
      void view.rerender({ url: next })
    },
  })
  return { toasts, changes }
}

const ok = <T>(value: T): Promise<Envelope<T>> => Promise.resolve({ ok: true, value })
const failed = (kind: ErrorKind, message: string): Promise<Envelope<never>> =>
  Promise.resolve({ ok: false, error: { kind, message } })

describe('LocalEndpoint', () => {
  it('starts the endpoint, then shows its URL read-only, with Copy URL focused', async () => {
    const user = userEvent.setup()
    const start = vi.fn(() => ok({ url: URL }))
    const { changes } = renderEndpoint({ endpoints: { start } })

    expect(screen.getByRole('region', { name: 'Local endpoint' })).toBeInTheDocument()
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Start local endpoint' }))

    expect(start).toHaveBeenCalledExactlyOnceWith({ id: 'p1' })
    const field = await screen.findByRole('textbox', { name: 'Local endpoint URL for Acme' })
    expect(field).toHaveValue(URL)
    expect(field).toHaveAttribute('readonly')
    expect(field).toHaveAccessibleDescription(/Whoever has this URL can call api\.video as Acme/)
    expect(changes).toEqual([URL])
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Copy URL' })).toHaveFocus())
    expect(screen.queryByRole('button', { name: 'Start local endpoint' })).not.toBeInTheDocument()
  })

  it('says it is starting, and cannot be started twice meanwhile', async () => {
    const user = userEvent.setup()
    const answer = pending<{ url: string }>()
    const start = vi.fn(() => answer.promise)
    renderEndpoint({ endpoints: { start } })
    await user.click(screen.getByRole('button', { name: 'Start local endpoint' }))
    const button = screen.getByRole('button', { name: 'Starting…' })
    expect(button).toBeDisabled()
    answer.resolve({ ok: true, value: { url: URL } })
    expect(await screen.findByRole('textbox')).toHaveValue(URL)
    expect(start).toHaveBeenCalledOnce()
  })

  it('selects the whole URL when the field gets focus, so it can be copied by hand', async () => {
    const user = userEvent.setup()
    renderEndpoint({}, URL)
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Local endpoint URL for Acme' })
    await user.click(field)
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, URL.length])
  })

  it('copies the URL through main and says when the clipboard clears', async () => {
    const user = userEvent.setup()
    const copy = vi.fn(() => ok({ clearsAt: Date.now() + 30_000 }))
    const { toasts } = renderEndpoint({ endpoints: { copy } }, URL)
    await user.click(screen.getByRole('button', { name: 'Copy URL' }))
    expect(copy).toHaveBeenCalledExactlyOnceWith({ id: 'p1' })
    await vi.waitFor(() =>
      expect(toasts.items.map((toast) => toast.text)).toEqual([
        expect.stringMatching(/^Copied the local endpoint URL of Acme · the clipboard clears in (29|30) s$/),
      ]),
    )
  })

  it('stops the endpoint, and focus goes to Start', async () => {
    const user = userEvent.setup()
    const stop = vi.fn(() => ok(null))
    const { changes } = renderEndpoint({ endpoints: { stop } }, URL)
    await user.click(screen.getByRole('button', { name: 'Stop local endpoint' }))
    expect(stop).toHaveBeenCalledExactlyOnceWith({ id: 'p1' })
    expect(changes).toEqual([undefined])
    const start = await screen.findByRole('button', { name: 'Start local endpoint' })
    await vi.waitFor(() => expect(start).toHaveFocus())
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument()
  })

  it('shows why starting failed, as the card shows a failed action, and stays stopped', async () => {
    const user = userEvent.setup()
    const start = vi.fn(() =>
      failed('needs-sign-in', 'Sign in to Acme again before starting its local endpoint.'),
    )
    const { toasts, changes } = renderEndpoint({ endpoints: { start } })
    await user.click(screen.getByRole('button', { name: 'Start local endpoint' }))
    await vi.waitFor(() =>
      expect(toasts.items).toEqual([
        expect.objectContaining({
          tone: 'error',
          text: 'Could not start the local endpoint of Acme: Sign in to Acme again before starting its local endpoint.',
        }),
      ]),
    )
    expect(changes).toEqual([])
    expect(screen.getByRole('button', { name: 'Start local endpoint' })).toBeEnabled()
  })

  it('shows why stopping or copying failed, and keeps showing the URL', async () => {
    const user = userEvent.setup()
    const stop = vi.fn(() => failed('internal', 'Something went wrong inside the app.'))
    const copy = vi.fn(() => failed('app-quitting', 'The app is quitting; nothing was copied.'))
    const { toasts, changes } = renderEndpoint({ endpoints: { stop, copy } }, URL)
    await user.click(screen.getByRole('button', { name: 'Stop local endpoint' }))
    await user.click(screen.getByRole('button', { name: 'Copy URL' }))
    await vi.waitFor(() =>
      expect(toasts.items.map((toast) => [toast.tone, toast.text])).toEqual([
        ['error', 'Could not stop the local endpoint of Acme: Something went wrong inside the app.'],
        ['error', 'Could not copy the URL: The app is quitting; nothing was copied.'],
      ]),
    )
    expect(changes).toEqual([])
    expect(screen.getByRole('textbox')).toHaveValue(URL)
  })
})
