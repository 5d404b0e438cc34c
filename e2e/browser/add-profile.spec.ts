import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { GOOD_KEY } from './host'

test('adding a profile: a wrong key shows the server’s message and saves nothing; the right one signs in', async ({
  host,
}) => {
  const { page } = host
  await host.open()
  await expect(
    page.getByRole('heading', { name: 'Fresh api.video tokens, always one click away' }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Add profile' }).first().click()

  const dialog = page.getByRole('dialog', { name: 'Add a profile' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Name').fill('Acme')
  await dialog.getByLabel('Custom base URL').check()
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill(host.fake.url)
  await dialog.getByRole('textbox', { name: 'API key' }).fill('wrong-key')
  await dialog.getByRole('button', { name: 'Add profile' }).click()

  await expect(dialog.getByRole('alert')).toHaveText('The user credentials were incorrect.')
  expect(existsSync(join(host.dataDir, 'profiles.json'))).toBe(false)
  expect(await host.keychain.findAll()).toEqual([])

  await dialog.getByRole('textbox', { name: 'API key' }).fill(GOOD_KEY)
  await dialog.getByRole('button', { name: 'Add profile' }).click()
  await expect(dialog).toBeHidden()
  const card = page.getByRole('article', { name: 'Acme' })
  await expect(card.getByText('Valid', { exact: true })).toBeVisible()
  await expect(card.getByTestId('countdown')).toHaveText(/^(59|60):\d\d$/)
  expect(existsSync(join(host.dataDir, 'profiles.json'))).toBe(true)
  expect((await host.keychain.findAll()).map((entry) => entry.account.split('/')[1]).sort()).toEqual([
    'session',
  ])
})

test('the add dialog works from the keyboard: a shortcut opens it, focus stays inside, Escape closes it', async ({
  host,
}) => {
  const { page } = host
  await host.open()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.keyboard.press('Control+n')
  const dialog = page.getByRole('dialog', { name: 'Add a profile' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Name')).toBeFocused()
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab')
    await expect(dialog.locator(':focus')).toHaveCount(1)
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible()
})
