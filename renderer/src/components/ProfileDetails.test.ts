import { render, screen, within } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import type { ProfileView } from '../../../main/core/service/types'
import { ProfileActions } from '../lib/profile-actions.svelte'
import { Toasts } from '../lib/toasts.svelte'
import { fakeApi, profileView } from '../testing/fake-api'
import ProfileDetails from './ProfileDetails.svelte'

const URL = 'http://127.0.0.1:49152/Zm9vYmFyYmF6/'

function renderCard(profile: ProfileView, endpoint: string | undefined) {
  const api = fakeApi({})
  const toasts = new Toasts()
  render(ProfileDetails, {
    api,
    profile,
    now: Date.now(),
    toasts,
    actions: new ProfileActions(api, toasts, vi.fn()),
    mac: false,
    endpoint,
    activity: [],
    onendpoint: vi.fn(),
    onsignin: vi.fn(),
    onrename: vi.fn(),
    onremove: vi.fn(),
    onactivity: vi.fn(),
  })
  return screen.getByRole('article', { name: profile.name })
}

describe('ProfileDetails’ local endpoint', () => {
  it('offers to start one for a profile that can issue tokens', () => {
    const card = renderCard(profileView({ name: 'Acme' }), undefined)
    const region = within(card).getByRole('region', { name: 'Local endpoint' })
    expect(within(region).getByRole('button', { name: 'Start local endpoint' })).toBeEnabled()
  })

  it('shows the running endpoint’s URL', () => {
    const card = renderCard(profileView({ name: 'Acme' }), URL)
    expect(within(card).getByRole('textbox', { name: 'Local endpoint URL for Acme' })).toHaveValue(URL)
  })

  it('offers no start to a profile that needs a sign-in: signing in comes first', () => {
    const blocked = profileView({
      name: 'Acme',
      session: { ...profileView().session, status: 'needs-sign-in', expiresAt: Date.now() - 60_000 },
    })
    const card = renderCard(blocked, undefined)
    expect(within(card).queryByRole('region', { name: 'Local endpoint' })).not.toBeInTheDocument()
    expect(within(card).getByRole('button', { name: /Sign in again/ })).toBeInTheDocument()
  })

  it('still lets a profile that needs a sign-in stop the endpoint it runs', () => {
    const blocked = profileView({
      name: 'Acme',
      session: { ...profileView().session, status: 'needs-sign-in', expiresAt: Date.now() - 60_000 },
    })
    const card = renderCard(blocked, URL)
    const region = within(card).getByRole('region', { name: 'Local endpoint' })
    expect(within(region).getByRole('button', { name: 'Stop local endpoint' })).toBeEnabled()
  })
})
