import type { Page } from '@playwright/test'
import { createApiVideoClient } from '../../main/core/apivideo/client'
import type { Api } from '../../main/ipc/contract'
import { expect, GOOD_KEY, OTHER_KEY, test, type Machine } from '../harness/fixtures'
import { seriousViolations } from './axe'

/** Three profiles on the fake api.video server, added before the launch; their tokens in the same order. */
async function threeProfiles(machine: Machine): Promise<{ ids: string[]; tokens: string[] }> {
  const ids = await machine.withEngine(async (engine) => {
    const added = []
    for (const [name, apiKey] of [
      ['Acme', GOOD_KEY],
      ['Acme staging', OTHER_KEY],
      ['Legacy app', GOOD_KEY],
    ] as const) {
      added.push((await engine.add({ name, environment: machine.fake.url, apiKey })).id)
    }
    return added
  })
  const tokens = machine.fake.requestsTo('auth/api-key').map((request) => request.issued?.accessToken ?? '')
  return { ids, tokens }
}

/** Ctrl+K, as a person presses it anywhere in the window; resolves once the palette's field has the focus. */
async function openPalette(page: Page) {
  await page.keyboard.press('Control+K')
  const palette = page.getByRole('dialog', { name: 'Quick copy' })
  await expect(palette.getByRole('combobox', { name: 'Profile to copy from' })).toBeFocused()
  return palette
}

test('Ctrl+K finds a profile by part of its name: Enter copies its token, Shift+Enter an Authorization header', async ({
  machine,
}) => {
  const { tokens } = await threeProfiles(machine)
  const app = await machine.launch()
  const page = await app.window()
  await expect(page.getByText('Legacy app', { exact: true }).first()).toBeVisible()
  await machine.setClipboardText('what the person had copied')
  const before = page.locator('button').first()
  await before.focus()

  let palette = await openPalette(page)
  await expect(palette.getByRole('option')).toHaveCount(3)
  await page.keyboard.type('stag')
  await expect(palette.getByRole('option')).toHaveCount(1)
  await expect(palette.getByRole('option', { selected: true })).toContainText('Acme staging')
  await page.keyboard.press('Enter')
  await expect(palette).toBeHidden()
  await expect.poll(() => machine.clipboardText()).not.toBe('what the person had copied')
  const token = await machine.clipboardText()
  // Acme staging's own token, and one api.video accepts.
  expect(token).toBe(tokens[1])
  await expect(createApiVideoClient({ baseUrl: machine.fake.url }).verify(token)).resolves.toMatchObject({
    videoCount: 3,
  })
  await expect(
    page.getByText(/^Copied the token for Acme staging · the clipboard clears in 30 s/),
  ).toBeVisible()
  await expect(before).toBeFocused()

  palette = await openPalette(page)
  await page.keyboard.type('leg')
  await page.keyboard.press('Shift+Enter')
  await expect(palette).toBeHidden()
  await expect.poll(() => machine.clipboardText()).toBe(`Authorization: Bearer ${tokens[2] ?? ''}`)
  const response = await fetch(`${machine.fake.url}/videos`, {
    headers: { Authorization: (await machine.clipboardText()).replace(/^Authorization: /, '') },
  })
  expect(response.status).toBe(200)
  await expect(page.getByText(/^Copied an Authorization header for Legacy app/)).toBeVisible()

  // The hour-long tokens needed no refresh.
  expect(machine.fake.requestsTo('auth/refresh')).toHaveLength(0)
  expect(app.loggedErrors()).toEqual([])
})

test('the palette says when nothing matches, and Esc closes it without copying', async ({ machine }) => {
  await threeProfiles(machine)
  const app = await machine.launch()
  const page = await app.window()
  await expect(page.getByText('Legacy app', { exact: true }).first()).toBeVisible()
  await machine.setClipboardText('what the person had copied')
  const before = page.locator('button').first()
  await before.focus()

  const palette = await openPalette(page)
  await page.keyboard.type('globex')
  await expect(palette.getByRole('status')).toHaveText('No profile matches “globex”.')
  await expect(palette.getByRole('option')).toHaveCount(0)
  await page.keyboard.press('Enter')
  await expect(palette).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(palette).toBeHidden()
  await expect(before).toBeFocused()
  expect(await machine.clipboardText()).toBe('what the person had copied')
})

for (const theme of ['light', 'dark'] as const) {
  test(`the open palette, with a profile that needs a sign-in, has no serious axe violation (${theme})`, async ({
    machine,
  }) => {
    const { ids } = await threeProfiles(machine)
    await machine.withEngine((engine) => engine.updateSettings({ theme }))
    const app = await machine.launch()
    const page = await app.window()
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    machine.fake.revokeRefreshTokens()
    await page.evaluate(async (id) => {
      await (globalThis as unknown as { api: Api }).api.profiles.refresh({ id })
    }, ids[2] ?? '')

    const palette = await openPalette(page)
    await expect(palette.getByRole('option', { name: /Legacy app/ })).toContainText('Needs sign-in')
    expect(await seriousViolations(page)).toEqual([])
  })
}

test.describe('with tokens that live fifty minutes and a fifty-minute minimum', () => {
  test.use({ fakeOptions: { accessTokenLifetimeSeconds: 50 * 60 } })

  test('quick copy refreshes first when the token has less than the configured minimum left', async ({
    machine,
  }) => {
    await machine.withEngine(async (engine) => {
      await engine.add({ name: 'Acme', environment: machine.fake.url, apiKey: GOOD_KEY })
      await engine.updateSettings({ minValidityMinutes: 50 })
    })
    const added = machine.fake.requestsTo('auth/api-key')[0]?.issued?.accessToken
    const app = await machine.launch()
    const page = await app.window()
    await expect(page.getByText('Acme', { exact: true }).first()).toBeVisible()
    machine.fake.clearLog()
    await openPalette(page)
    await page.keyboard.type('acm')
    await page.keyboard.press('Enter')
    await expect.poll(() => machine.clipboardText()).toMatch(/^eyJ/)
    // The token it had lives under 50 minutes now: the copy waited for a new one.
    expect(machine.fake.requestsTo('auth/refresh')).toHaveLength(1)
    const token = await machine.clipboardText()
    expect(token).not.toBe(added)
    expect(token).toBe(machine.fake.requestsTo('auth/refresh')[0]?.issued?.accessToken)
    await expect(createApiVideoClient({ baseUrl: machine.fake.url }).verify(token)).resolves.toMatchObject({
      videoCount: 3,
    })
  })
})
