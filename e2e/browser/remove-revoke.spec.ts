import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { GOOD_KEY, OTHER_KEY } from './host'

test('remove asks, naming the profile, then deletes it and its keychain entries', async ({ host }) => {
  const acme = await host.service.add({
    name: 'Acme',
    environment: host.fake.url,
    apiKey: GOOD_KEY,
    rememberApiKey: true,
  })
  const beta = await host.service.add({ name: 'Beta', environment: host.fake.url, apiKey: OTHER_KEY })
  await host.open()
  await host.page.getByRole('article', { name: 'Acme' }).getByRole('button', { name: 'Remove' }).click()

  const dialog = host.page.getByRole('dialog', { name: 'Remove Acme?' })
  await expect(dialog).toContainText(
    'keychain entries — refresh token, access token and the remembered API key — will be deleted',
  )
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Remove profile' }).click()

  await expect(host.page.getByRole('article', { name: 'Acme' })).toHaveCount(0)
  await expect(host.page.getByRole('article', { name: 'Beta' })).toBeVisible()
  const accounts = (await host.keychain.findAll()).map((entry) => entry.account)
  expect(accounts.filter((account) => account.startsWith(acme.id))).toEqual([])
  expect(accounts.filter((account) => account.startsWith(beta.id))).toEqual([`${beta.id}/session`])
  expect(readFileSync(join(host.dataDir, 'profiles.json'), 'utf8')).not.toContain(acme.id)
})

test('a revoked refresh token shows needs-sign-in; signing in again restores the profile', async ({
  host,
}) => {
  await host.service.add({ name: 'Acme', environment: host.fake.url, apiKey: GOOD_KEY })
  await host.open()
  const card = host.page.getByRole('article', { name: 'Acme' })
  host.fake.revokeRefreshTokens()
  await card.getByRole('button', { name: 'Refresh' }).click()

  await expect(card.getByText('Needs sign-in')).toBeVisible()
  await expect(card.getByRole('status')).toContainText(
    "api.video no longer accepts this profile's refresh token",
  )
  await card.getByRole('button', { name: 'Sign in again' }).click()
  const dialog = host.page.getByRole('dialog', { name: 'Sign in to Acme again' })
  await dialog.getByRole('textbox', { name: 'API key' }).fill('wrong')
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(dialog.getByRole('alert')).toHaveText('The user credentials were incorrect.')
  await dialog.getByRole('textbox', { name: 'API key' }).fill(GOOD_KEY)
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click()

  await expect(dialog).toBeHidden()
  await expect(card.getByText('Valid', { exact: true })).toBeVisible()
  await expect(card.getByRole('button', { name: 'Refresh' })).toBeEnabled()
  await card.getByRole('button', { name: 'Refresh' }).click()
  await expect(card.getByText('Valid', { exact: true })).toBeVisible()
  expect(host.fake.requestsTo('auth/refresh').at(-1)?.refreshOutcome).toBe('rotated')
})
