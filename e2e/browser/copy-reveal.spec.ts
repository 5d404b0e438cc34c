import { createApiVideoClient } from '../../main/core/apivideo/client'
import { expect, test } from './fixtures'
import { GOOD_KEY } from './host'

test('each copy format hands the clipboard port the right text', async ({ host }) => {
  await host.service.add({ name: 'Acme', environment: host.fake.url, apiKey: GOOD_KEY })
  await host.open()
  const card = host.page.getByRole('article', { name: 'Acme' })
  const copy = async (format: string) => {
    await card.getByLabel('What to copy for Acme').selectOption(format)
    await card.getByRole('button', { name: 'Copy', exact: true }).click()
  }

  await copy('token')
  await expect.poll(() => host.clipboard.length).toBe(1)
  const token = host.clipboard[0] ?? ''
  expect(token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/)
  await expect(createApiVideoClient({ baseUrl: host.fake.url }).verify(token)).resolves.toMatchObject({
    videoCount: 3,
  })
  await expect(host.page.getByText(/Copied the token for Acme · the clipboard clears in 30 s/)).toBeVisible()

  await copy('header')
  await copy('curl')
  await copy('export')
  await expect.poll(() => host.clipboard.length).toBe(4)
  expect(host.clipboard.slice(1)).toEqual([
    `Authorization: Bearer ${token}`,
    `curl -H 'Authorization: Bearer ${token}' '${host.fake.url}/videos?currentPage=1&pageSize=10'`,
    `export APIVIDEO_ACCESS_TOKEN=${token}`,
  ])
})

test('reveal shows the token, then masks it again after 30 seconds', async ({ host }) => {
  await host.service.add({ name: 'Acme', environment: host.fake.url, apiKey: GOOD_KEY })
  await host.page.clock.install()
  await host.open()
  const card = host.page.getByRole('article', { name: 'Acme' })
  await card.getByRole('button', { name: 'Reveal' }).click()
  const revealed = card.getByTestId('revealed-token')
  await expect(revealed).toHaveText(/^eyJ/)
  const token = (await host.service.getToken('Acme', { minValiditySeconds: 0 })).accessToken
  await expect(revealed).toHaveText(token)
  await expect(card.getByRole('button', { name: 'Reveal' })).toBeDisabled()

  await host.page.clock.fastForward(29_000)
  await expect(revealed).toBeVisible()
  await host.page.clock.fastForward(2_000)
  await expect(revealed).toBeHidden()
  await expect(card.getByRole('button', { name: 'Reveal' })).toBeEnabled()
})
