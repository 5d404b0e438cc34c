import { expect, test } from './fixtures'
import { GOOD_KEY } from './host'

/** "59:58" → 3598 */
const seconds = (text: string): number =>
  text.split(':').reduce((total, part) => total * 60 + Number(part), 0)

test('the countdown decreases, and a manual refresh moves the expiry forward with exactly one refresh', async ({
  host,
}) => {
  const profile = await host.service.add({ name: 'Acme', environment: host.fake.url, apiKey: GOOD_KEY })
  await host.open()
  const card = host.page.getByRole('article', { name: 'Acme' })
  const countdown = card.getByTestId('countdown')
  const first = (await countdown.textContent()) ?? ''
  await expect(countdown).not.toHaveText(first)
  const later = (await countdown.textContent()) ?? ''
  expect(seconds(later)).toBeLessThan(seconds(first))

  const before = host.service.find(profile.id).session.expiresAt ?? 0
  host.fake.clearLog()
  await card.getByRole('button', { name: 'Refresh' }).click()
  await expect(card.getByText(/Last refreshed just now/)).toBeVisible()
  await expect.poll(() => host.service.find(profile.id).session.expiresAt ?? 0).toBeGreaterThan(before)
  await expect(countdown).toHaveText(/^(59|60):\d\d$/)
  expect(host.fake.requestsTo('auth/refresh')).toHaveLength(1)
  await expect(card.getByRole('button', { name: 'Refresh' })).toBeEnabled()
})

test('verify shows the latency of a working token', async ({ host }) => {
  await host.service.add({ name: 'Acme', environment: host.fake.url, apiKey: GOOD_KEY })
  await host.open()
  const card = host.page.getByRole('article', { name: 'Acme' })
  await card.getByRole('button', { name: 'Verify' }).click()
  await expect(card.getByRole('status')).toHaveText(/Works · \d+ ms · 3 videos/)
})
