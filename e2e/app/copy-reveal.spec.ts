import { createApiVideoClient } from '../../main/core/apivideo/client'
import { expect, test } from '../harness/fixtures'
import { launchWithProfile, openProfile } from './helpers'

test('each copy format puts the right text on the clipboard, and says when the clipboard clears', async ({
  machine,
}) => {
  const { app, page, details: card } = await launchWithProfile(machine, 'Acme')
  await machine.setClipboardText('what the person had copied')
  const copy = async (format: string) => {
    await card.getByLabel('What to copy for Acme').selectOption(format)
    await card.getByRole('button', { name: 'Copy', exact: true }).click()
  }

  await copy('token')
  await expect.poll(() => machine.clipboardText()).not.toBe('what the person had copied')
  const token = await machine.clipboardText()
  expect(token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/)
  // The token the app signed in with, and one api.video accepts.
  expect(token).toBe(machine.fake.requestsTo('auth/api-key')[0]?.issued?.accessToken)
  await expect(createApiVideoClient({ baseUrl: machine.fake.url }).verify(token)).resolves.toMatchObject({
    videoCount: 3,
  })
  await expect(page.getByText(/Copied the token for Acme · the clipboard clears in 30 s/)).toBeVisible()

  const expected = [
    ['header', `Authorization: Bearer ${token}`, 'Copied an Authorization header'],
    [
      'curl',
      `curl -H 'Authorization: Bearer ${token}' '${machine.fake.url}/videos?currentPage=1&pageSize=10'`,
      'Copied a curl example',
    ],
    ['export', `export APIVIDEO_ACCESS_TOKEN=${token}`, 'Copied an export line'],
  ] as const
  for (const [format, text, said] of expected) {
    await copy(format)
    await expect.poll(() => machine.clipboardText()).toBe(text)
    await expect(page.getByText(`${said} for Acme · the clipboard clears in 30 s`)).toBeVisible()
  }
  // An hour-long token needed no refresh for any of them.
  expect(machine.fake.requestsTo('auth/refresh')).toHaveLength(0)
  expect(app.loggedErrors()).toEqual([])
})

test('reveal shows the token, then masks it again after 30 seconds', async ({ machine }) => {
  await machine.addProfile('Acme')
  const app = await machine.launch()
  const page = await app.window()
  await machine.setClipboardText('what the person had copied')
  // The page's own clock, installed in the loaded window: the reveal's timer is set after this.
  await page.clock.install()
  const card = await openProfile(page, 'Acme')
  await card.getByRole('button', { name: 'Reveal' }).click()
  const revealed = card.getByTestId('revealed-token')
  await expect(revealed).toHaveText(/^eyJ/)
  const token = machine.fake.requestsTo('auth/api-key')[0]?.issued?.accessToken ?? 'no token issued'
  await expect(revealed).toHaveText(token)
  await expect(card.getByRole('button', { name: 'Reveal' })).toBeDisabled()
  // Revealing is not copying: the clipboard is untouched.
  expect(await machine.clipboardText()).toBe('what the person had copied')

  await page.clock.fastForward(29_000)
  await expect(revealed).toBeVisible()
  await page.clock.fastForward(2_000)
  await expect(revealed).toBeHidden()
  await expect(card.getByRole('button', { name: 'Reveal' })).toBeEnabled()
  await expect(card).not.toContainText(token)
})
