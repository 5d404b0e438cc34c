import { threeProfiles } from '../screenshots/scenes'
import { expect, test } from '../harness/fixtures'
import { seriousViolations } from './axe'
import { openProfile, profileRows } from './helpers'

for (const theme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations in the ${theme} theme`, async ({ machine }) => {
    test.setTimeout(180_000) // seven full axe-core scans
    await machine.withEngine((engine) => engine.updateSettings({ theme }))
    const app = await machine.launch()
    const page = await app.window()
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    await threeProfiles(machine, page)
    await expect(profileRows(page)).toHaveCount(3)
    expect(await seriousViolations(page), 'profiles view').toEqual([])

    // The list narrowed by a search, with the keyboard on a row; then the details of a profile that needs a
    // sign-in; then a search that finds nothing.
    const search = page.getByRole('searchbox', { name: 'Search profiles' })
    await search.fill('acm')
    await expect(profileRows(page)).toHaveCount(2)
    await page.keyboard.press('ArrowDown')
    await expect(page.locator('[role="row"][aria-selected="true"]')).toBeFocused()
    expect(await seriousViolations(page), 'search in use').toEqual([])
    await search.fill('')
    await openProfile(page, 'Legacy app')
    expect(await seriousViolations(page), 'details').toEqual([])
    await search.fill('nothing like it')
    await expect(page.getByRole('button', { name: 'Clear search' })).toBeVisible()
    expect(await seriousViolations(page), 'empty result').toEqual([])
    await page.getByRole('button', { name: 'Clear search' }).click()

    await page.getByRole('button', { name: 'Add profile' }).click()
    await page.getByLabel('Custom base URL').check()
    expect(await seriousViolations(page), 'add dialog').toEqual([])
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Settings' }).click()
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
    expect(await seriousViolations(page), 'settings').toEqual([])
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Activity' }).click()
    await expect(page.getByRole('dialog', { name: 'Activity' })).toBeVisible()
    expect(await seriousViolations(page), 'activity').toEqual([])
  })
}

test('no serious or critical axe violations in the empty state', async ({ machine }) => {
  const app = await machine.launch()
  const page = await app.window()
  await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
})
