import type { Page } from '@playwright/test'
import { createApiVideoClient } from '../../main/core/apivideo/client'
import { expect, GOOD_KEY, test, type Machine } from '../harness/fixtures'
import { THIRTY_PROJECTS } from '../screenshots/scenes'
import { openProfile, profileRow, profileRows } from './helpers'

/** Adds profiles on the fake api.video server before a launch, as `avcm add` would. */
async function addProfiles(machine: Machine, names: readonly string[]): Promise<void> {
  await machine.withEngine(async (engine) => {
    for (const name of names) await engine.add({ name, environment: machine.fake.url, apiKey: GOOD_KEY })
  })
}

/** The names of the rows a person sees in the list, top to bottom. */
async function shownRows(page: Page): Promise<string[]> {
  return profileRows(page).locator('.name').allTextContents()
}

/** How many rows are entirely on screen, inside the list's own scrolling box and the window. */
async function rowsInView(page: Page): Promise<number> {
  const box = await page.getByRole('grid', { name: 'Profiles' }).boundingBox()
  const window = page.viewportSize()
  if (box === null || window === null) return 0
  const bottom = Math.min(box.y + box.height, window.height)
  let seen = 0
  for (const row of await profileRows(page).all()) {
    const rect = await row.boundingBox()
    if (rect !== null && rect.y >= box.y && rect.y + rect.height <= bottom) seen += 1
  }
  return seen
}

test('thirty profiles in an 1100×800 window: a dense list, narrowed by a search, with an empty result to clear', async ({
  machine,
}) => {
  await addProfiles(machine, THIRTY_PROJECTS)
  const app = await machine.launch()
  const page = await app.window()
  await page.setViewportSize({ width: 1100, height: 800 })
  await expect(profileRows(page)).toHaveCount(30)
  expect(await rowsInView(page)).toBeGreaterThanOrEqual(12)
  // Sorted by name, the first profile selected and its details beside the list.
  expect((await shownRows(page)).slice(0, 3)).toEqual(['Acme', 'Acme staging', 'Bluth Company'])
  await expect(profileRow(page, 'Acme')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('article', { name: 'Acme', exact: true })).toBeVisible()

  // "/" focuses the search; three letters leave the matching rows.
  await page.keyboard.press('/')
  const search = page.getByRole('searchbox', { name: 'Search profiles' })
  await expect(search).toBeFocused()
  await page.keyboard.type('glo')
  await expect.poll(() => shownRows(page)).toEqual(['Globex', 'Globex EU'])
  await expect(page.getByRole('status').filter({ hasText: 'Showing 2 of 30' })).toBeVisible()
  // The details follow: the selection moved to the first match.
  await expect(page.getByRole('article', { name: 'Globex', exact: true })).toBeVisible()

  // Nothing matches: the list says so and offers to clear the search.
  await search.fill('glox')
  await expect(page.getByRole('grid')).toBeHidden()
  await expect(page.getByText('No profile matches “glox”.')).toBeVisible()
  await page.getByRole('button', { name: 'Clear search' }).click()
  await expect(search).toHaveValue('')
  await expect(search).toBeFocused()
  await expect(profileRows(page)).toHaveCount(30)

  // Ctrl+F finds the search too, even from the list.
  await profileRow(page, 'Hooli').getByRole('rowheader').click()
  await page.keyboard.press('Control+f')
  await expect(search).toBeFocused()
  expect(app.loggedErrors()).toEqual([])
})

test('filters by state and sorts by time left, with what needs attention pinned at the top', async ({
  machine,
}) => {
  await addProfiles(machine, ['Legacy app'])
  // Legacy app's refresh token stops working; the others are signed in afterwards.
  machine.fake.revokeRefreshTokens()
  machine.fake.setAccessTokenLifetime(8 * 60)
  await addProfiles(machine, ['Short lived', 'Brief'])
  machine.fake.setAccessTokenLifetime(3600)
  await addProfiles(machine, ['Acme', 'Zeta'])
  const app = await machine.launch()
  const page = await app.window()
  expect(await shownRows(page)).toEqual(['Acme', 'Brief', 'Legacy app', 'Short lived', 'Zeta'])

  // R refreshes the selected profile: api.video refuses, and it needs a sign-in.
  await openProfile(page, 'Legacy app')
  await page.keyboard.press('r')
  await expect(profileRow(page, 'Legacy app').getByText('Needs sign-in')).toBeVisible()
  expect(machine.fake.requestsTo('auth/refresh').length).toBeGreaterThanOrEqual(1)
  // Pinned at the top, and named in the summary line.
  expect(await shownRows(page)).toEqual(['Legacy app', 'Acme', 'Brief', 'Short lived', 'Zeta'])
  await expect(page.getByText('Needs attention: Legacy app')).toBeVisible()

  const filters = page.getByRole('group', { name: 'Show' })
  await filters.getByRole('radio', { name: /Needs attention/ }).check()
  await expect.poll(() => shownRows(page)).toEqual(['Legacy app'])
  await filters.getByRole('radio', { name: /Expiring soon/ }).check()
  await expect.poll(() => shownRows(page)).toEqual(['Brief', 'Short lived'])
  await expect(page.getByRole('radio', { name: 'Expiring soon 2' })).toBeChecked()
  await filters.getByRole('radio', { name: /All/ }).check()
  await expect.poll(() => shownRows(page)).toHaveLength(5)

  // By time left: the eight-minute tokens first (Short lived was signed in before Brief), then the hour-long.
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('Time left')
  await expect.poll(() => shownRows(page)).toEqual(['Legacy app', 'Short lived', 'Brief', 'Acme', 'Zeta'])
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('Name')
  await expect.poll(() => shownRows(page)).toEqual(['Legacy app', 'Acme', 'Brief', 'Short lived', 'Zeta'])

  // Its token still works, so its row still copies it; the summary's button narrows the list to it.
  await expect(profileRow(page, 'Legacy app').getByRole('button')).toHaveAccessibleName(
    'Copy token for Legacy app',
  )
  await page.getByRole('button', { name: 'Show only these' }).click()
  await expect.poll(() => shownRows(page)).toEqual(['Legacy app'])
  await filters.getByRole('radio', { name: /Expiring soon/ }).check()
  await page.getByRole('searchbox', { name: 'Search profiles' }).fill('acme')
  await expect(page.getByText('No profile matches “acme” in “Expiring soon”.')).toBeVisible()
  await page.getByRole('button', { name: 'Clear search' }).click()
  await expect.poll(() => shownRows(page)).toHaveLength(5)
  expect(app.loggedErrors()).toEqual([])
})

test('the keyboard moves the selection, copies with Enter, verifies with V, refreshes with R and asks before removing', async ({
  machine,
}) => {
  await addProfiles(machine, ['Acme', 'Globex', 'Hooli', 'Initech'])
  const app = await machine.launch()
  const page = await app.window()
  await machine.setClipboardText('what the person had copied')
  const selected = page.locator('[role="row"][aria-selected="true"] .name')
  await expect(selected).toHaveText('Acme')

  await page.keyboard.press('ArrowDown')
  await expect(selected).toHaveText('Globex')
  await expect(profileRow(page, 'Globex')).toBeFocused()
  // The focus shows.
  await expect(profileRow(page, 'Globex')).toHaveCSS('outline-style', 'solid')
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await expect(selected).toHaveText('Initech')
  await page.keyboard.press('j')
  await expect(selected).toHaveText('Initech')
  await page.keyboard.press('k')
  await expect(selected).toHaveText('Hooli')
  await page.keyboard.press('Home')
  await expect(selected).toHaveText('Acme')
  await page.keyboard.press('End')
  await expect(selected).toHaveText('Initech')
  await page.keyboard.press('ArrowUp')
  await expect(page.getByRole('article', { name: 'Hooli', exact: true })).toBeVisible()

  // Enter copies Hooli's token, one api.video accepts.
  await page.keyboard.press('Enter')
  await expect.poll(() => machine.clipboardText()).not.toBe('what the person had copied')
  const token = await machine.clipboardText()
  await expect(createApiVideoClient({ baseUrl: machine.fake.url }).verify(token)).resolves.toMatchObject({
    videoCount: 3,
  })
  const issuedToHooli = machine.fake.requestsTo('auth/api-key')[2]?.issued?.accessToken
  expect(token).toBe(issuedToHooli)
  await expect(page.getByText(/Copied the token for Hooli/)).toBeVisible()

  // V verifies it with api.video (the fake), and the details say it works.
  await page.keyboard.press('v')
  await expect(page.getByRole('article', { name: 'Hooli', exact: true }).getByRole('status')).toHaveText(
    /Works · \d+ ms · 3 videos/,
  )

  // R refreshes Hooli: a new token from api.video.
  await page.keyboard.press('r')
  await expect.poll(() => machine.fake.requestsTo('auth/refresh').length).toBe(1)

  // Keys typed into the search are text, not shortcuts.
  await page.keyboard.press('/')
  await page.keyboard.type('jr')
  await expect(page.getByRole('searchbox', { name: 'Search profiles' })).toHaveValue('jr')
  await expect(selected).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('searchbox', { name: 'Search profiles' })).toHaveValue('')
  await expect(selected).toHaveText('Hooli')
  expect(machine.fake.requestsTo('auth/refresh')).toHaveLength(1)

  // Delete asks first; while the dialog is open the list's keys do nothing.
  await page.keyboard.press('ArrowDown')
  await expect(profileRow(page, 'Hooli')).toBeFocused()
  await page.keyboard.press('Delete')
  const dialog = page.getByRole('dialog', { name: 'Remove Hooli?' })
  await expect(dialog).toBeVisible()
  await page.keyboard.press('j')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(selected).toHaveText('Hooli')
  await expect(profileRow(page, 'Hooli')).toBeFocused()
  expect(app.loggedErrors()).toEqual([])
})
