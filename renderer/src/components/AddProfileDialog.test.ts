import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { ProfileView } from '../../../main/core/service/types'
import { fakeApi, pending, profileView } from '../testing/fake-api'
import AddProfileDialog from './AddProfileDialog.svelte'

async function fillForm(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.type(screen.getByLabelText('Name'), 'Acme')
  await user.click(screen.getByLabelText('Sandbox'))
  await user.type(screen.getByLabelText('API key'), 'secret-key')
}

describe('AddProfileDialog', () => {
  it('keeps Add disabled until the form is filled', async () => {
    const user = userEvent.setup()
    render(AddProfileDialog, { api: fakeApi({}), onadded: vi.fn(), onclose: vi.fn() })
    const add = screen.getByRole('button', { name: 'Add profile' })
    expect(add).toBeDisabled()
    await fillForm(user)
    expect(add).toBeEnabled()
  })

  it('shows progress and disables the form while signing in, then hands over the profile', async () => {
    const user = userEvent.setup()
    const answer = pending<ProfileView>()
    const add = vi.fn(() => answer.promise)
    const onadded = vi.fn()
    render(AddProfileDialog, { api: fakeApi({ profiles: { add } }), onadded, onclose: vi.fn() })
    await fillForm(user)
    await user.click(screen.getByLabelText('Remember the API key in the keychain'))
    await user.click(screen.getByRole('button', { name: 'Add profile' }))

    expect(add).toHaveBeenCalledWith({
      name: 'Acme',
      environment: 'sandbox',
      apiKey: 'secret-key',
      rememberApiKey: true,
    })
    expect(screen.getByRole('button', { name: /Signing in/ })).toBeDisabled()
    expect(screen.getByLabelText('Name')).toBeDisabled()
    expect(screen.getByLabelText('API key')).toBeDisabled()

    const profile = profileView()
    answer.resolve({ ok: true, value: profile })
    await vi.waitFor(() => expect(onadded).toHaveBeenCalledWith(profile))
  })

  it('shows the server’s message inline on failure and keeps what was typed', async () => {
    const user = userEvent.setup()
    const add = vi.fn(() =>
      Promise.resolve({
        ok: false as const,
        error: { kind: 'credentials-rejected' as const, message: 'The user credentials were incorrect.' },
      }),
    )
    const onadded = vi.fn()
    render(AddProfileDialog, { api: fakeApi({ profiles: { add } }), onadded, onclose: vi.fn() })
    await fillForm(user)
    await user.click(screen.getByRole('button', { name: 'Add profile' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('The user credentials were incorrect.')
    expect(onadded).not.toHaveBeenCalled()
    expect(screen.getByLabelText('Name')).toHaveValue('Acme')
    expect(screen.getByLabelText('Name')).toBeEnabled()
  })

  it('sends a custom base URL as typed, and toggles showing the key', async () => {
    const user = userEvent.setup()
    const add = vi.fn(() => Promise.resolve({ ok: true as const, value: profileView() }))
    render(AddProfileDialog, { api: fakeApi({ profiles: { add } }), onadded: vi.fn(), onclose: vi.fn() })
    await user.type(screen.getByLabelText('Name'), 'Proxy')
    await user.click(screen.getByLabelText('Custom base URL'))
    await user.clear(screen.getByLabelText('Base URL'))
    await user.type(screen.getByLabelText('Base URL'), 'https://proxy.example.com')
    await user.type(screen.getByLabelText('API key'), 'k')
    expect(screen.getByLabelText('API key')).toHaveAttribute('type', 'password')
    await user.click(screen.getByRole('button', { name: 'Show API key' }))
    expect(screen.getByLabelText('API key')).toHaveAttribute('type', 'text')
    await user.click(screen.getByRole('button', { name: 'Add profile' }))
    expect(add).toHaveBeenCalledWith(expect.objectContaining({ environment: 'https://proxy.example.com' }))
  })

  it('closes on Cancel', async () => {
    const user = userEvent.setup()
    const onclose = vi.fn()
    render(AddProfileDialog, { api: fakeApi({}), onadded: vi.fn(), onclose })
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(onclose).toHaveBeenCalled()
  })
})
