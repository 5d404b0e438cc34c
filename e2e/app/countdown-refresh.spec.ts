import { expect, test } from '../harness/fixtures'
import { launchWithProfile, listedProfiles, seconds } from './helpers'

test('the countdown decreases, and a manual refresh moves the expiry forward with exactly one refresh', async ({
  machine,
}) => {
  const { app, page, details: card } = await launchWithProfile(machine, 'Acme')
  const countdown = card.getByTestId('countdown')
  await expect(countdown).toHaveText(/^\d+:\d\d$/)
  const first = (await countdown.textContent()) ?? ''
  await expect(countdown).not.toHaveText(first)
  const later = (await countdown.textContent()) ?? ''
  expect(seconds(later)).toBeLessThan(seconds(first))

  const expiresAt = async () => (await listedProfiles(page))[0]?.session.expiresAt ?? 0
  const before = await expiresAt()
  machine.fake.clearLog()
  await card.getByRole('button', { name: 'Refresh' }).click()
  await expect(card.getByText(/Last refreshed just now/)).toBeVisible()
  await expect.poll(expiresAt).toBeGreaterThan(before)
  await expect(countdown).toHaveText(/^(59|60):\d\d$/)
  // What a person sees: the countdown went back up, past where it had ticked down to.
  await expect
    .poll(async () => seconds((await countdown.textContent()) ?? ''))
    .toBeGreaterThan(seconds(later))
  expect(machine.fake.requestsTo('auth/refresh')).toHaveLength(1)
  await expect(card.getByRole('button', { name: 'Refresh' })).toBeEnabled()

  // The token the tray now copies is the one that refresh issued.
  const issued = machine.fake.requestsTo('auth/refresh')[0]?.issued?.accessToken
  expect(issued).toMatch(/^eyJ/)
  await app.clickTray(/^Acme · /)
  await expect.poll(() => machine.clipboardText()).toBe(issued)
  expect(machine.fake.requestsTo('auth/refresh')).toHaveLength(1)
})

test('verify shows the latency of a working token', async ({ machine }) => {
  const { details: card } = await launchWithProfile(machine, 'Acme')
  machine.fake.clearLog()
  await card.getByRole('button', { name: 'Verify' }).click()
  await expect(card.getByRole('status')).toHaveText(/Works · \d+ ms · 3 videos/)
  // It asked api.video with the profile's token.
  const asked = machine.fake.requestsTo('videos')
  expect(asked).toHaveLength(1)
  expect(asked[0]?.bearer).toMatch(/^eyJ/)
})
