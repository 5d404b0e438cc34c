import { render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { ProfileView } from '../../../main/core/service/types'
import type { SessionStatus } from '../../../main/core/sessions/session-state'
import type { Api } from '../../../main/ipc/contract'
import { ProfileActions } from '../lib/profile-actions.svelte'
import { Toasts } from '../lib/toasts.svelte'
import { fakeApi, profileView } from '../testing/fake-api'
import ProfileBrowser from './ProfileBrowser.svelte'

const NOW = Date.now()
const MIN = 60_000

/** A profile named `name` in `status` whose token has `left` ms left (none when null). */
function profile(
  name: string,
  left: number | null = 50 * MIN,
  status: SessionStatus = 'valid',
  more: Partial<ProfileView> = {},
): ProfileView {
  const base = profileView()
  return {
    ...base,
    id: `id-${name.toLowerCase().replace(/\W+/g, '-')}`,
    name,
    ...more,
    session: {
      ...base.session,
      status,
      issuedAt: left === null ? undefined : NOW - 60 * MIN + left,
      expiresAt: left === null ? undefined : NOW + left,
    },
  }
}

const PROFILES = [
  profile('Globex', 50 * MIN, 'valid', {
    environment: { kind: 'production' },
    environmentLabel: 'production',
  }),
  profile('Acme', 40 * MIN),
  profile('Acme staging', 5 * MIN),
  profile('Legacy app', null, 'needs-sign-in'),
  profile('Hooli', 30 * MIN),
]

function show(profiles: readonly ProfileView[] = PROFILES, api: Api = fakeApi({})) {
  const toasts = new Toasts()
  const calls = {
    onsignin: vi.fn<(profile: ProfileView) => void>(),
    onrename: vi.fn<(profile: ProfileView) => void>(),
    onremove: vi.fn<(profile: ProfileView) => void>(),
    onendpoint: vi.fn(),
    onactivity: vi.fn(),
  }
  const view = render(ProfileBrowser, {
    api,
    profiles,
    now: NOW,
    toasts,
    actions: new ProfileActions(api, toasts, vi.fn()),
    mac: false,
    endpoints: {},
    activity: [],
    highlighted: undefined,
    ...calls,
  })
  return { ...calls, toasts, view, user: userEvent.setup() }
}

/** The names of the rows shown, top to bottom. */
function rowNames(): string[] {
  return screen
    .queryAllByRole('row')
    .map((row) => row.getAttribute('aria-labelledby') ?? '')
    .map(nameOf)
}

function nameOf(id: string): string {
  return document.getElementById(id)?.textContent ?? ''
}

const selectedName = () =>
  nameOf(
    screen
      .getAllByRole('row')
      .find((row) => row.getAttribute('aria-selected') === 'true')
      ?.getAttribute('aria-labelledby') ?? '',
  )

const details = () => screen.getByRole('article')

describe('ProfileBrowser’s list', () => {
  it('shows one small row per profile, what needs attention first, and the first one’s details', () => {
    show()
    expect(rowNames()).toEqual(['Legacy app', 'Acme', 'Acme staging', 'Globex', 'Hooli'])
    const globex = screen.getByRole('row', { name: 'Globex' })
    expect(within(globex).getByRole('rowheader')).toHaveTextContent('Globex production')
    expect(within(globex).getByText('Valid')).toBeInTheDocument()
    expect(within(globex).getByTestId('countdown')).toHaveTextContent('50:00')
    expect(within(globex).getByRole('button', { name: 'Copy token for Globex' })).toBeInTheDocument()
    // A profile with no token left and no way to refresh offers to sign in instead.
    const legacy = screen.getByRole('row', { name: 'Legacy app' })
    expect(within(legacy).getByRole('button', { name: 'Sign in to Legacy app again' })).toBeInTheDocument()
    expect(screen.getByText('Needs attention:').parentElement).toHaveTextContent(
      'Needs attention: Legacy app',
    )
    expect(legacy).toHaveAttribute('aria-selected', 'true')
    expect(details()).toHaveAccessibleName('Legacy app')
    // Small enough for hundreds: every node a row holds, elements, text and markers, counted.
    for (const row of screen.getAllByRole('row')) {
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_ALL)
      let nodes = 0
      while (walker.nextNode() !== null) nodes += 1
      expect(nodes).toBeLessThanOrEqual(40)
    }
  })

  it('names the profiles that need attention in a summary that can narrow the list to them', async () => {
    const { user } = show([...PROFILES, profile('Zulu', 20 * MIN, 'retrying')])
    expect(screen.getByText('Legacy app, Zulu')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show only these' }))
    expect(rowNames()).toEqual(['Legacy app', 'Zulu'])
    expect(screen.getByRole('radio', { name: /Needs attention/ })).toBeChecked()
    expect(screen.queryByRole('button', { name: 'Show only these' })).not.toBeInTheDocument()
  })

  it('selects a row when clicked and shows its details', async () => {
    const { user } = show()
    await user.click(within(screen.getByRole('row', { name: 'Hooli' })).getByRole('rowheader'))
    expect(selectedName()).toBe('Hooli')
    expect(details()).toHaveAccessibleName('Hooli')
    expect(screen.getByRole('row', { name: 'Hooli' })).toHaveAttribute('tabindex', '0')
    expect(screen.getByRole('row', { name: 'Acme' })).toHaveAttribute('tabindex', '-1')
  })
})

describe('ProfileBrowser’s search, filters and sort', () => {
  it('narrows the rows to the name or environment typed, and counts what is left', async () => {
    const { user } = show()
    const search = screen.getByRole('searchbox', { name: 'Search profiles' })
    await user.type(search, 'acm')
    expect(rowNames()).toEqual(['Acme', 'Acme staging'])
    expect(screen.getByRole('status')).toHaveTextContent('Showing 2 of 5')
    expect(details()).toHaveAccessibleName('Acme')
    await user.clear(search)
    await user.type(search, 'PROD')
    expect(rowNames()).toEqual(['Globex'])
    expect(screen.getByRole('radio', { name: 'All 1' })).toBeChecked()
  })

  it('says when nothing matches, and clears the search and the filter on request', async () => {
    const { user } = show()
    await user.click(screen.getByRole('radio', { name: /Expiring soon/ }))
    const search = screen.getByRole('searchbox', { name: 'Search profiles' })
    await user.type(search, 'glox')
    expect(screen.queryByRole('grid')).not.toBeInTheDocument()
    expect(screen.queryByRole('article')).not.toBeInTheDocument()
    expect(screen.getByText('No profile matches “glox” in “Expiring soon”.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear search' }))
    expect(search).toHaveValue('')
    expect(search).toHaveFocus()
    expect(rowNames()).toHaveLength(5)
    expect(screen.getByRole('radio', { name: /All/ })).toBeChecked()
  })

  it('filters to what needs attention or expires soon, with each filter’s count', async () => {
    const { user } = show()
    expect(screen.getByRole('radio', { name: 'Needs attention 1' })).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'Expiring soon 1' })).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: /Needs attention/ }))
    expect(rowNames()).toEqual(['Legacy app'])
    await user.click(screen.getByRole('radio', { name: /Expiring soon/ }))
    expect(rowNames()).toEqual(['Acme staging'])
    await user.click(screen.getByRole('radio', { name: /Expiring soon/ }))
    expect(rowNames()).toEqual(['Acme staging'])
    await user.click(screen.getByRole('radio', { name: /Needs attention/ }))
    await user.type(screen.getByRole('searchbox'), 'acme')
    expect(screen.getByText('No profile matches “acme” in “Needs attention”.')).toBeInTheDocument()
  })

  it('sorts by time left, least first', async () => {
    const { user } = show()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Time left')
    expect(rowNames()).toEqual(['Legacy app', 'Acme staging', 'Hooli', 'Acme', 'Globex'])
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Name')
    expect(rowNames()).toEqual(['Legacy app', 'Acme', 'Acme staging', 'Globex', 'Hooli'])
  })
})

describe('ProfileBrowser’s keyboard', () => {
  it('moves the selection with the arrows and j/k, to either end with Home and End', async () => {
    const { user } = show()
    await user.keyboard('{ArrowDown}')
    expect(selectedName()).toBe('Acme')
    expect(screen.getByRole('row', { name: 'Acme' })).toHaveFocus()
    await user.keyboard('jj')
    expect(selectedName()).toBe('Globex')
    await user.keyboard('k')
    expect(selectedName()).toBe('Acme staging')
    await user.keyboard('{End}')
    expect(selectedName()).toBe('Hooli')
    expect(screen.getByRole('row', { name: 'Hooli' })).toHaveFocus()
    await user.keyboard('{Home}')
    expect(selectedName()).toBe('Legacy app')
    expect(details()).toHaveAccessibleName('Legacy app')
  })

  it('copies the selected profile’s token with Enter, and refreshes it with R', async () => {
    const copy = vi.fn<Api['profiles']['copy']>(() =>
      Promise.resolve({ ok: true, value: { expiresAt: NOW + 40 * MIN, clearsAt: null } }),
    )
    const refresh = vi.fn<Api['profiles']['refresh']>((request) =>
      Promise.resolve({ ok: true, value: { ...profile('Acme'), id: request.id } }),
    )
    const { user, toasts } = show(PROFILES, fakeApi({ profiles: { copy, refresh } }))
    await user.keyboard('j{Enter}')
    expect(copy).toHaveBeenCalledWith({ id: 'id-acme', format: 'token' })
    expect(toasts.items.map((toast) => toast.text)).toContain('Copied the token for Acme')
    await user.keyboard('r')
    expect(refresh).toHaveBeenCalledWith({ id: 'id-acme' })
  })

  it('verifies the selected profile’s token with V, and shows the answer in its details', async () => {
    const verify = vi.fn<Api['profiles']['verify']>(() =>
      Promise.resolve({ ok: true, value: { ok: true, latencyMs: 42, videoCount: 3 } }),
    )
    const { user } = show(PROFILES, fakeApi({ profiles: { verify } }))
    await user.keyboard('jv')
    expect(verify).toHaveBeenCalledExactlyOnceWith({ id: 'id-acme' })
    expect(await within(details()).findByText('Works · 42 ms · 3 videos')).toBeInTheDocument()
    expect(within(details()).getByRole('button', { name: /Verify/ })).toHaveAttribute(
      'aria-keyshortcuts',
      'V',
    )
  })

  it('signs in with Enter when no token is left, and will not refresh a profile that needs a sign-in', async () => {
    const refresh = vi.fn<Api['profiles']['refresh']>()
    const { user, onsignin, toasts } = show(PROFILES, fakeApi({ profiles: { refresh } }))
    await user.keyboard('{Enter}')
    expect(onsignin).toHaveBeenCalledWith(expect.objectContaining({ name: 'Legacy app' }))
    await user.keyboard('R')
    expect(refresh).not.toHaveBeenCalled()
    expect(toasts.items.map((toast) => toast.text)).toContain(
      'Legacy app needs a sign-in before it can refresh.',
    )
  })

  it('asks to remove with Delete and to rename with F2', async () => {
    const { user, onremove, onrename } = show()
    await user.keyboard('j{Delete}')
    expect(onremove).toHaveBeenCalledWith(expect.objectContaining({ name: 'Acme' }))
    await user.keyboard('{F2}')
    expect(onrename).toHaveBeenCalledWith(expect.objectContaining({ name: 'Acme' }))
  })

  it('focuses the search with / and Ctrl+F; letters typed there are text, and ↓ goes back to the list', async () => {
    const { user, onremove } = show()
    const search = screen.getByRole('searchbox', { name: 'Search profiles' })
    await user.keyboard('/')
    expect(search).toHaveFocus()
    expect(search).toHaveValue('')
    for (const key of ['j', 'k', ' ', 'r', '{Delete}']) await user.keyboard(key)
    expect(search).toHaveValue('jk r')
    expect(onremove).not.toHaveBeenCalled()
    await user.keyboard('{Escape}')
    expect(search).toHaveValue('')
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('row', { name: 'Legacy app' })).toHaveFocus()
    await user.keyboard('{Control>}f{/Control}')
    expect(search).toHaveFocus()
  })

  it('does nothing while a dialog is open', async () => {
    const { user, onremove } = show()
    const dialog = document.body.appendChild(document.createElement('dialog'))
    dialog.open = true
    await user.keyboard('j{Delete}/')
    expect(selectedName()).toBe('Legacy app')
    expect(onremove).not.toHaveBeenCalled()
    expect(screen.getByRole('searchbox', { name: 'Search profiles' })).not.toHaveFocus()
    dialog.remove()
  })

  it('shows the profile a notification asked for, clearing a search that hid it', async () => {
    const { user, view } = show()
    await user.type(screen.getByRole('searchbox'), 'acme')
    await view.rerender({ highlighted: 'id-hooli' })
    await vi.waitFor(() => expect(screen.getByRole('row', { name: 'Hooli' })).toHaveFocus())
    expect(screen.getByRole('searchbox')).toHaveValue('')
    expect(selectedName()).toBe('Hooli')
    expect(details()).toHaveAccessibleName('Hooli')
  })
})
