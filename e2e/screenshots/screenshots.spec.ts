import { test as base, expect } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createHost, type Host } from '../browser/host'
import { threeProfiles } from './scenes'

/** Writes the README's screenshots to docs/screenshots/ (run with `npm run screenshots`). */
const OUT = join(import.meta.dirname, '../../docs/screenshots')

const test = base.extend<{ host: Host }>({
  host: async ({ page }, use) => {
    const host = await createHost(page, { officialHostsServedByFake: true })
    await use(host)
    await host.close()
  },
})

test.beforeAll(() => mkdirSync(OUT, { recursive: true }))

test('main window, add dialog and settings, in light and dark', async ({ host }) => {
  const { page } = host
  await page.setViewportSize({ width: 960, height: 900 })
  await threeProfiles(host, [{ kind: 'production' }, { kind: 'sandbox' }, { kind: 'production' }])
  for (const theme of ['light', 'dark'] as const) {
    await host.service.updateSettings({ theme })
    await host.open()
    await expect(page.getByRole('article')).toHaveCount(3)
    await page.screenshot({ path: join(OUT, `main-window-${theme}.png`) })
  }

  await host.service.updateSettings({ theme: 'light' })
  await host.open()
  await page.getByRole('button', { name: 'Add profile' }).click()
  await page.getByLabel('Name').fill('Acme')
  await page.getByLabel('Sandbox').check()
  await page.getByRole('textbox', { name: 'API key' }).fill('not-a-real-key')
  await page.screenshot({ path: join(OUT, 'add-profile.png') })
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
  await page.screenshot({ path: join(OUT, 'settings.png') })
})

test('first run', async ({ host }) => {
  await host.page.setViewportSize({ width: 960, height: 560 })
  await host.open()
  await expect(host.page.getByRole('button', { name: 'Try the demo' })).toBeVisible()
  await host.page.screenshot({ path: join(OUT, 'first-run.png') })
})
