import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { CopyFormat } from '../../../main/core/copy-formats'
import type { AppEvent, CopyResult, Envelope } from '../../../main/ipc/contract'
import { Toasts } from '../lib/toasts.svelte'
import { fakeApi, profileView } from '../testing/fake-api'
import QuickPalette from './QuickPalette.svelte'

beforeAll(() => {
  // jsdom lays nothing out, so it has no scrollIntoView; the palette calls it to keep the highlight in view.
  Element.prototype.scrollIntoView = () => undefined
})

const acme = profileView({ id: 'acme', name: 'Acme' })
const staging = profileView({ id: 'staging', name: 'Acme staging' })
const legacy = profileView({
  id: 'legacy',
  name: 'Legacy app',
  environment: { kind: 'production' },
  environmentLabel: 'production',
  session: { ...acme.session, status: 'needs-sign-in' },
})

type Copy = (request: { id: string; format: CopyFormat }) => Promise<Envelope<CopyResult>>

/** The palette in a page with one button that had the focus, over a fake main process. */
function setup(options: { copy?: Copy; profiles?: (typeof acme)[]; defaultProfileId?: string } = {}) {
  const copy = vi.fn<Copy>(
    options.copy ??
      (() => Promise.resolve({ ok: true, value: { expiresAt: Date.now() + 3_600_000, clearsAt: null } })),
  )
  let push: (event: AppEvent) => void = () => undefined
  const subscribe = vi.fn((listener: (event: AppEvent) => void) => {
    push = listener
    return () => undefined
  })
  const copied = vi.fn(() => Promise.resolve({ ok: true as const, value: null }))
  const toasts = new Toasts()
  const before = document.createElement('button')
  before.textContent = 'Where the person was'
  document.body.append(before)
  before.focus()
  render(QuickPalette, {
    api: fakeApi({ profiles: { copy }, events: { subscribe }, palette: { copied } }),
    profiles: options.profiles ?? [legacy, staging, acme],
    defaultProfileId: options.defaultProfileId,
    toasts,
  })
  return { copy, copied, toasts, before, push: (event: AppEvent) => push(event), user: userEvent.setup() }
}

const field = () => screen.getByRole('combobox', { name: 'Profile to copy from' })
const optionNames = () =>
  screen.getAllByRole('option').map((option) => option.querySelector('.name')?.textContent)
const highlighted = () => screen.getByRole('option', { selected: true })
const highlightedName = () => highlighted().querySelector('.name')?.textContent

describe('QuickPalette', () => {
  it('opens on Ctrl+K with every profile, the default first and highlighted, and the field focused', async () => {
    const { user } = setup({ defaultProfileId: 'staging' })
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    await user.keyboard('{Control>}k{/Control}')
    expect(screen.getByRole('dialog', { name: 'Quick copy' })).toBeInTheDocument()
    expect(field()).toHaveFocus()
    expect(optionNames()).toEqual(['Acme staging', 'Legacy app', 'Acme'])
    expect(field()).toHaveAttribute('aria-activedescendant', highlighted().id)
    expect(field()).toHaveAttribute('aria-expanded', 'true')
    expect(highlightedName()).toBe('Acme staging')
  })

  it('narrows the list as one types, best first, and Enter copies the highlighted profile’s token', async () => {
    const { user, copy, copied, toasts, before } = setup({
      copy: () => Promise.resolve({ ok: true, value: { expiresAt: 0, clearsAt: Date.now() + 30_500 } }),
    })
    await user.keyboard('{Control>}k{/Control}')
    await user.type(field(), 'acme')
    expect(optionNames()).toEqual(['Acme', 'Acme staging'])
    expect(highlightedName()).toBe('Acme')
    await user.keyboard('{Enter}')
    expect(copy).toHaveBeenCalledExactlyOnceWith({ id: 'acme', format: 'token' })
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(toasts.items.map((toast) => toast.text)).toEqual([
      'Copied the token for Acme · the clipboard clears in 31 s',
    ])
    expect(before).toHaveFocus()
    // Main is told, so a window the global shortcut brought up from out of sight goes back there.
    expect(copied).toHaveBeenCalledOnce()
  })

  it('moves with ↑ and ↓ (wrapping around), and Shift+Enter copies an Authorization header', async () => {
    const { user, copy, toasts } = setup()
    await user.keyboard('{Control>}k{/Control}')
    expect(highlightedName()).toBe('Legacy app')
    await user.keyboard('{ArrowDown}')
    expect(highlightedName()).toBe('Acme staging')
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(highlightedName()).toBe('Legacy app')
    await user.keyboard('{ArrowUp}')
    expect(highlightedName()).toBe('Acme')
    expect(field()).toHaveAttribute('aria-activedescendant', highlighted().id)
    await user.keyboard('{Shift>}{Enter}{/Shift}')
    expect(copy).toHaveBeenCalledExactlyOnceWith({ id: 'acme', format: 'header' })
    await vi.waitFor(() => expect(toasts.items[0]?.text).toBe('Copied an Authorization header for Acme'))
  })

  it('says when nothing matches, and when there is no profile at all', async () => {
    const { user } = setup()
    await user.keyboard('{Control>}k{/Control}')
    await user.type(field(), 'zzz')
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('No profile matches “zzz”.')
    expect(field()).toHaveAttribute('aria-expanded', 'false')
    expect(field()).not.toHaveAttribute('aria-activedescendant')
    await user.keyboard('{Enter}')
    expect(screen.getByRole('dialog')).toBeInTheDocument()
  })

  it('says there is no profile yet when the list is empty', async () => {
    const { user, copy } = setup({ profiles: [] })
    await user.keyboard('{Control>}k{/Control}')
    expect(screen.getByRole('status')).toHaveTextContent('No profiles yet: add one first.')
    await user.keyboard('{Enter}')
    expect(copy).not.toHaveBeenCalled()
  })

  it('shows a profile that needs a sign-in as such, and a failed copy in the palette, which stays open', async () => {
    const { user, toasts, copied } = setup({
      copy: () =>
        Promise.resolve({
          ok: false,
          error: { kind: 'needs-sign-in', message: 'Sign in again with the API key.' },
        }),
    })
    await user.keyboard('{Control>}k{/Control}')
    await user.type(field(), 'legacy')
    expect(highlighted()).toHaveTextContent('Needs sign-in')
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not copy for Legacy app: Sign in again with the API key.',
    )
    expect(screen.getByRole('dialog')).toBeInTheDocument()
    expect(toasts.items).toEqual([])
    expect(copied).not.toHaveBeenCalled()
    await user.type(field(), ' app')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('opens when main asks (the global shortcut), keeps Tab on the field, and Esc gives the focus back', async () => {
    const { user, push, before, copy } = setup()
    push({ type: 'navigate', profileId: 'acme' })
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    push({ type: 'open-palette' })
    await vi.waitFor(() => expect(field()).toHaveFocus())
    await user.keyboard('{Tab}')
    expect(field()).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(before).toHaveFocus()
    expect(copy).not.toHaveBeenCalled()
  })

  it('copies the token of a profile clicked in the list', async () => {
    const { user, copy } = setup()
    await user.keyboard('{Control>}k{/Control}')
    await user.click(screen.getByRole('option', { name: /Legacy app/ }))
    expect(copy).toHaveBeenCalledExactlyOnceWith({ id: 'legacy', format: 'token' })
  })
})
