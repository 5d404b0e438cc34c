import { threeProfiles } from '../screenshots/scenes'
import { expect, test } from '../harness/fixtures'
import { seriousViolations } from './axe'

for (const theme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations in the ${theme} theme`, async ({ machine }) => {
    test.setTimeout(120_000) // four full axe-core scans
    await machine.withEngine((engine) => engine.updateSettings({ theme }))
    const app = await machine.launch()
    const page = await app.window()
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    await threeProfiles(machine, page)
    await expect(page.getByRole('article')).toHaveCount(3)
    expect(await seriousViolations(page), 'profiles view').toEqual([])

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
