import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, GOOD_KEY, test } from '../harness/fixtures'
import { fillAddDialog, listedProfiles, openProfile } from './helpers'

test('adding a profile: a wrong key shows the server’s message and saves nothing; the right one signs in', async ({
  machine,
}) => {
  const app = await machine.launch()
  const page = await app.window()
  await expect(
    page.getByRole('heading', { name: 'Fresh api.video tokens, always one click away' }),
  ).toBeVisible()
  await fillAddDialog(page, { name: 'Acme', environment: { baseUrl: machine.fake.url }, apiKey: 'wrong-key' })
  const dialog = page.getByRole('dialog', { name: 'Add a profile' })
  await dialog.getByRole('button', { name: 'Add profile' }).click()

  await expect(dialog.getByRole('alert')).toHaveText('The user credentials were incorrect.')
  expect(existsSync(join(machine.dataDir, 'profiles.json'))).toBe(false)
  expect(await machine.keychain.findAll()).toEqual([])
  expect(await listedProfiles(page)).toEqual([])

  await dialog.getByRole('textbox', { name: 'API key' }).fill(GOOD_KEY)
  await dialog.getByRole('button', { name: 'Add profile' }).click()
  await expect(dialog).toBeHidden()
  const card = await openProfile(page, 'Acme')
  await expect(card.getByText('Valid', { exact: true })).toBeVisible()
  await expect(card.getByTestId('countdown')).toHaveText(/^(59|60):\d\d$/)
  expect(existsSync(join(machine.dataDir, 'profiles.json'))).toBe(true)
  // Only the session is kept in the keychain: the API key was used once and not remembered.
  expect((await machine.keychain.findAll()).map((entry) => entry.account.split('/')[1]).sort()).toEqual([
    'session',
  ])
  // The tray lists it too, and the engine (as avcm sees the data folder) finds it after the app quits.
  await expect.poll(async () => (await app.trayItems())[0]?.label).toMatch(/^Acme · /)
  await app.quit()
  const saved = await machine.withEngine(async (engine) =>
    (await engine.list()).map((profile) => profile.name),
  )
  expect(saved).toEqual(['Acme'])
  expect(app.loggedErrors()).toEqual([])
})

test('the add dialog works from the keyboard: a shortcut opens it, focus stays inside, Escape closes it', async ({
  machine,
}) => {
  const app = await machine.launch()
  const page = await app.window()
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
