import type { Api } from '../../main/ipc/contract'
import { expect, GOOD_KEY, OTHER_KEY, test } from '../harness/fixtures'
import { addThroughDialog, openProfile, profileRow, profileRows } from './helpers'

test('the demo starts from the empty state, then three profiles live side by side', async ({ machine }) => {
  const app = await machine.launch()
  const page = await app.window()
  await page.getByRole('button', { name: 'Try the demo' }).click()
  const demo = await openProfile(page, 'Demo (fake api.video)')
  await expect(demo.getByText('Valid', { exact: true })).toBeVisible()
  await expect(demo.getByText('demo', { exact: true })).toBeVisible()
  await expect(demo.getByTestId('countdown')).toHaveText(/^[34]:\d\d$/)
  await expect(demo.getByText(/Auto-refresh in 2 min/)).toBeVisible()
  // The demo talks to its own embedded server, not to api.video.
  expect(machine.fake.requests).toEqual([])

  for (const [name, apiKey] of [
    ['Acme', GOOD_KEY],
    ['Beta', OTHER_KEY],
  ] as const) {
    await addThroughDialog(page, { name, environment: { baseUrl: machine.fake.url }, apiKey })
  }
  await expect(profileRows(page)).toHaveCount(3)
  for (const name of ['Demo (fake api.video)', 'Acme', 'Beta']) {
    await expect(profileRow(page, name).getByText('Valid', { exact: true })).toBeVisible()
  }
  // The tray lists all three as well.
  await expect
    .poll(async () => (await app.trayItems()).map((item) => item.label.split(' · ')[0]))
    .toEqual(expect.arrayContaining(['Demo (fake api.video)', 'Acme', 'Beta']))
  expect(app.loggedErrors()).toEqual([])
})

test('settings are saved and survive a reload and a restart; the theme follows them', async ({ machine }) => {
  const first = await machine.launch()
  let page = await first.window()
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await dialog.getByLabel('Dark').check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  const lead = dialog.getByRole('spinbutton', { name: 'Refresh automatically' })
  await lead.fill('45')
  await lead.press('Enter')
  await expect(dialog.getByRole('alert')).toHaveText('The lead must be a whole number from 1 to 30.')
  await lead.fill('7')
  await lead.press('Enter')
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const api = (globalThis as unknown as { api: Api }).api
        const settings = await api.settings.get()
        return settings.ok ? settings.value.autoRefreshLeadMinutes : undefined
      }),
    )
    .toBe(7)
  await dialog.getByRole('button', { name: 'Done' }).click()

  const reopenedShows = async () => {
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await page.getByRole('button', { name: 'Settings' }).click()
    await expect(page.getByRole('spinbutton', { name: 'Refresh automatically' })).toHaveValue('7')
    await expect(page.getByLabel('Dark')).toBeChecked()
  }
  await page.reload()
  await reopenedShows()

  await first.quit()
  // What was saved is what the engine reads from the data folder.
  expect(await machine.withEngine((engine) => Promise.resolve(engine.settings()))).toMatchObject({
    theme: 'dark',
    autoRefreshLeadMinutes: 7,
  })
  const second = await machine.launch()
  page = await second.window()
  await reopenedShows()
})
