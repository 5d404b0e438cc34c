import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { fakeApi, profileView } from '../testing/fake-api'
import RemoveDialog from './RemoveDialog.svelte'

describe('RemoveDialog', () => {
  it('names the profile, says its keychain entries go, and removes only when confirmed', async () => {
    const user = userEvent.setup()
    const remove = vi.fn(() => Promise.resolve({ ok: true as const, value: null }))
    const ondone = vi.fn()
    const profile = profileView({ name: 'Acme prod' })
    render(RemoveDialog, { api: fakeApi({ profiles: { remove } }), profile, ondone, onclose: vi.fn() })

    expect(screen.getByRole('dialog', { name: 'Remove Acme prod?' })).toBeInTheDocument()
    expect(screen.getByText(/keychain/)).toHaveTextContent(
      'its keychain entries — refresh token, access token — will be deleted',
    )
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.click(screen.getByRole('button', { name: 'Remove profile' }))
    expect(remove).toHaveBeenCalledWith({ id: 'p1' })
    await vi.waitFor(() => expect(ondone).toHaveBeenCalled())
  })

  it('shows why removing failed', async () => {
    const user = userEvent.setup()
    const remove = vi.fn(() =>
      Promise.resolve({
        ok: false as const,
        error: { kind: 'keychain-unavailable' as const, message: 'The keychain is locked.' },
      }),
    )
    const ondone = vi.fn()
    render(RemoveDialog, {
      api: fakeApi({ profiles: { remove } }),
      profile: profileView(),
      ondone,
      onclose: vi.fn(),
    })
    await user.click(screen.getByRole('button', { name: 'Remove profile' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The keychain is locked.')
    expect(ondone).not.toHaveBeenCalled()
  })
})
