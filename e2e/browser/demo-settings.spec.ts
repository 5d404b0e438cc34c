import { expect, test } from './fixtures'
import { GOOD_KEY, OTHER_KEY } from './host'

test('the demo starts from the empty state, then three profiles live side by side', async ({ host }) => {
  await host.open()
  await host.page.getByRole('button', { name: 'Try the demo' }).click()
  const demo = host.page.getByRole('article', { name: 'Demo (fake api.video)' })
  await expect(demo.getByText('Valid', { exact: true })).toBeVisible()
  await expect(demo.getByText('demo', { exact: true })).toBeVisible()
  await expect(demo.getByTestId('countdown')).toHaveText(/^[34]:\d\d$/)
  await expect(demo.getByText(/Auto-refresh in 2 min/)).toBeVisible()

  await host.service.add({ name: 'Acme', environment: host.fake.url, apiKey: GOOD_KEY })
  await host.service.add({ name: 'Beta', environment: host.fake.url, apiKey: OTHER_KEY })
  await expect(host.page.getByRole('article')).toHaveCount(3)
  for (const name of ['Demo (fake api.video)', 'Acme', 'Beta']) {
    await expect(host.page.getByRole('article', { name }).getByText('Valid', { exact: true })).toBeVisible()
  }
})

test('settings are saved and survive a reload; the theme follows them', async ({ host }) => {
  await host.open()
  await host.page.getByRole('button', { name: 'Settings' }).click()
  const dialog = host.page.getByRole('dialog', { name: 'Settings' })
  await dialog.getByLabel('Dark').check()
  await expect(host.page.locator('html')).toHaveAttribute('data-theme', 'dark')
  const lead = dialog.getByRole('spinbutton', { name: 'Refresh automatically' })
  await lead.fill('45')
  await lead.press('Enter')
  await expect(dialog.getByRole('alert')).toHaveText('The lead must be a whole number from 1 to 30.')
  await lead.fill('7')
  await lead.press('Enter')
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  await expect.poll(() => host.service.settings().autoRefreshLeadMinutes).toBe(7)
  await dialog.getByRole('button', { name: 'Done' }).click()

  await host.page.reload()
  await expect(host.page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await host.page.getByRole('button', { name: 'Settings' }).click()
  await expect(host.page.getByRole('spinbutton', { name: 'Refresh automatically' })).toHaveValue('7')
  await expect(host.page.getByLabel('Dark')).toBeChecked()
})
