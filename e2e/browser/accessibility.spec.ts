import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { threeProfiles } from '../screenshots/scenes'
import { expect, test } from './fixtures'

/** axe-core's serious and critical findings on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    )
}

for (const theme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations in the ${theme} theme`, async ({ host }) => {
    test.setTimeout(120_000) // four full axe-core scans
    await threeProfiles(host)
    await host.service.updateSettings({ theme })
    await host.open()
    await expect(host.page.locator('html')).toHaveAttribute('data-theme', theme)
    await expect(host.page.getByRole('article')).toHaveCount(3)
    expect(await seriousViolations(host.page), 'profiles view').toEqual([])

    await host.page.getByRole('button', { name: 'Add profile' }).click()
    await host.page.getByLabel('Custom base URL').check()
    expect(await seriousViolations(host.page), 'add dialog').toEqual([])
    await host.page.keyboard.press('Escape')

    await host.page.getByRole('button', { name: 'Settings' }).click()
    await expect(host.page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
    expect(await seriousViolations(host.page), 'settings').toEqual([])
    await host.page.keyboard.press('Escape')

    await host.page.getByRole('button', { name: 'Activity' }).click()
    await expect(host.page.getByRole('dialog', { name: 'Activity' })).toBeVisible()
    expect(await seriousViolations(host.page), 'activity').toEqual([])
  })
}

test('no serious or critical axe violations in the empty state', async ({ host }) => {
  await host.open()
  await expect(host.page.getByRole('button', { name: 'Try the demo' })).toBeVisible()
  expect(await seriousViolations(host.page)).toEqual([])
})
