import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, GOOD_KEY, OTHER_KEY, test } from '../harness/fixtures'
import { launchWithProfile, listedProfiles, openProfile, profileRow } from './helpers'

test('remove asks, naming the profile, then deletes it and its keychain entries', async ({ machine }) => {
  const { acme, beta } = await machine.withEngine(async (engine) => ({
    acme: await engine.add({
      name: 'Acme',
      environment: machine.fake.url,
      apiKey: GOOD_KEY,
      rememberApiKey: true,
    }),
    beta: await engine.add({ name: 'Beta', environment: machine.fake.url, apiKey: OTHER_KEY }),
  }))
  const app = await machine.launch()
  const page = await app.window()
  await (await openProfile(page, 'Acme')).getByRole('button', { name: 'Remove' }).click()

  const dialog = page.getByRole('dialog', { name: 'Remove Acme?' })
  await expect(dialog).toContainText(
    'keychain entries — refresh token, access token and the remembered API key — will be deleted',
  )
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Remove profile' }).click()

  await expect(profileRow(page, 'Acme')).toHaveCount(0)
  await expect(profileRow(page, 'Beta')).toBeVisible()
  // The details move on to what is left.
  await expect(page.getByRole('article', { name: 'Beta' })).toBeVisible()
  await expect.poll(async () => (await listedProfiles(page)).map((profile) => profile.name)).toEqual(['Beta'])
  const accounts = (await machine.keychain.findAll()).map((entry) => entry.account)
  expect(accounts.filter((account) => account.startsWith(acme.id))).toEqual([])
  expect(accounts.filter((account) => account.startsWith(beta.id))).toEqual([`${beta.id}/session`])
  expect(readFileSync(join(machine.dataDir, 'profiles.json'), 'utf8')).not.toContain(acme.id)
  // Gone from the tray as well.
  await expect
    .poll(async () => (await app.trayItems()).map((item) => item.label.split(' · ')[0]))
    .not.toContain('Acme')
})

test('a revoked refresh token shows needs-sign-in; signing in again restores the profile', async ({
  machine,
}) => {
  const { app, page, details: card } = await launchWithProfile(machine, 'Acme')
  machine.fake.revokeRefreshTokens()
  await card.getByRole('button', { name: 'Refresh' }).click()

  await expect(card.getByText('Needs sign-in')).toBeVisible()
  await expect(card.getByRole('status')).toContainText(
    "api.video no longer accepts this profile's refresh token",
  )
  // The app also tells the person outside the window.
  await expect
    .poll(async () => (await app.notifications()).filter((n) => /Acme/.test(`${n.title} ${n.body}`)))
    .toHaveLength(1)
  await card.getByRole('button', { name: 'Sign in again' }).click()
  const dialog = page.getByRole('dialog', { name: 'Sign in to Acme again' })
  await dialog.getByRole('textbox', { name: 'API key' }).fill('wrong')
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(dialog.getByRole('alert')).toHaveText('The user credentials were incorrect.')
  await dialog.getByRole('textbox', { name: 'API key' }).fill(GOOD_KEY)
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click()

  await expect(dialog).toBeHidden()
  await expect(card.getByText('Valid', { exact: true })).toBeVisible()
  await expect(card.getByRole('button', { name: 'Refresh' })).toBeEnabled()
  const refreshes = machine.fake.requestsTo('auth/refresh').length
  await card.getByRole('button', { name: 'Refresh' }).click()
  await expect.poll(() => machine.fake.requestsTo('auth/refresh').length).toBe(refreshes + 1)
  expect(machine.fake.requestsTo('auth/refresh').at(-1)?.refreshOutcome).toBe('rotated')
  await expect(card.getByText('Valid', { exact: true })).toBeVisible()
  await expect(card.getByText(/Last refreshed just now/)).toBeVisible()
})
