import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ACCELERATOR_MAX_LENGTH, NUMBER_SETTINGS } from '../../../main/core/common/setting-limits'
import { DEFAULT_SETTINGS_FOR_TESTS, fakeApi } from '../testing/fake-api'
import SettingsDialog from './SettingsDialog.svelte'

function setup(
  update = vi.fn((patch: object) =>
    Promise.resolve({ ok: true as const, value: { ...DEFAULT_SETTINGS_FOR_TESTS, ...patch } }),
  ),
) {
  const onsaved = vi.fn()
  render(SettingsDialog, {
    api: fakeApi({ settings: { update } }),
    settings: DEFAULT_SETTINGS_FOR_TESTS,
    app: {
      version: '1',
      platform: 'linux',
      problems: [],
      shortcutError: 'CommandOrControl+Alt+T is taken by another app.',
      demoRunning: false,
      endpoints: {},
    },
    profiles: [],
    onsaved,
    onclose: vi.fn(),
  })
  return { update, onsaved }
}

describe('SettingsDialog', () => {
  it('refuses an out-of-range value with a message, sending nothing', async () => {
    const user = userEvent.setup()
    const { update } = setup()
    const lead = screen.getByRole('spinbutton', { name: 'Refresh automatically' })
    await user.clear(lead)
    await user.type(lead, '45')
    await user.tab()
    expect(await screen.findByText('The lead must be a whole number from 1 to 30.')).toBeInTheDocument()
    expect(update).not.toHaveBeenCalled()
  })

  it('offers each number setting in the range the engine takes, and refuses one past it', async () => {
    const user = userEvent.setup()
    const { update } = setup()
    const inputs = {
      autoRefreshLeadMinutes: screen.getByRole('spinbutton', { name: 'Refresh automatically' }),
      minValidityMinutes: screen.getByRole('spinbutton', { name: 'Copied tokens stay valid at least' }),
      clipboardClearSeconds: screen.getByRole('spinbutton', { name: 'Clear the clipboard after' }),
    }
    for (const [setting, input] of Object.entries(inputs)) {
      const { min, max } = NUMBER_SETTINGS[setting as keyof typeof inputs]
      expect(input).toHaveAttribute('min', String(min))
      expect(input).toHaveAttribute('max', String(max))
      await user.clear(input)
      await user.type(input, String(max + 1))
      await user.tab()
      expect(
        await screen.findByText(new RegExp(`whole number from ${min} to ${max}\\.$`)),
      ).toBeInTheDocument()
    }
    expect(update).not.toHaveBeenCalled()
    expect(screen.getByRole('textbox', { name: 'Shortcut' })).toHaveAttribute(
      'maxlength',
      String(ACCELERATOR_MAX_LENGTH),
    )
  })

  it('saves one change at once', async () => {
    const user = userEvent.setup()
    const { update, onsaved } = setup()
    const delay = screen.getByRole('spinbutton', { name: 'Clear the clipboard after' })
    await user.clear(delay)
    await user.type(delay, '0')
    await user.tab()
    expect(update).toHaveBeenCalledWith({ clipboardClearSeconds: 0 })
    await vi.waitFor(() =>
      expect(onsaved).toHaveBeenCalledWith(expect.objectContaining({ clipboardClearSeconds: 0 })),
    )
    await user.click(screen.getByLabelText('Dark'))
    expect(update).toHaveBeenLastCalledWith({ theme: 'dark' })
  })

  it('shows why the global shortcut could not be registered', () => {
    setup()
    expect(screen.getByRole('alert')).toHaveTextContent('CommandOrControl+Alt+T is taken by another app.')
  })
})
