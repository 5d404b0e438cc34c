import type { Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Api } from '../../main/ipc/contract'
import { expect, test } from '../harness/fixtures'
import { profileRow, profileRows } from '../app/helpers'
import { thirtyProjects, threeProfiles } from './scenes'

/** Writes the README's screenshots to docs/screenshots/ (run with `npm run screenshots`). */
const OUT = join(import.meta.dirname, '../../docs/screenshots')

// Profiles on api.video's production and sandbox hosts (served by the fake) show their real badges.
test.use({ officialHostsServedByFake: true })

test.beforeAll(() => mkdirSync(OUT, { recursive: true }))

/** Switches the app's theme as the settings would, and waits for the window to follow. */
async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate(async (chosen) => {
    const api = (globalThis as unknown as { api: Api }).api
    await api.settings.update({ theme: chosen })
  }, theme)
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
}

test('main window, add dialog and settings, in light and dark', async ({ machine }) => {
  await machine.withEngine((engine) => engine.updateSettings({ theme: 'light' }))
  const app = await machine.launch()
  const page = await app.window()
  await page.setViewportSize({ width: 960, height: 900 })
  await threeProfiles(machine, page, ['production', 'sandbox', 'production'])
  // Counting down, as a person sees them a moment later (a token just issued reads 1:00:00).
  for (const countdown of await page.getByTestId('countdown').all())
    await expect(countdown).toHaveText(/^59:/)
  for (const theme of ['light', 'dark'] as const) {
    await useTheme(page, theme)
    await expect(profileRows(page)).toHaveCount(3)
    await page.screenshot({ path: join(OUT, `main-window-${theme}.png`) })
  }

  await useTheme(page, 'light')
  await page.getByRole('button', { name: 'Add profile' }).click()
  const adding = page.getByRole('dialog', { name: 'Add a profile' })
  await adding.getByLabel('Name').fill('Acme')
  await adding.getByLabel('Sandbox').check()
  await adding.getByRole('textbox', { name: 'API key' }).fill('not-a-real-key')
  await page.screenshot({ path: join(OUT, 'add-profile.png') })
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
  await page.screenshot({ path: join(OUT, 'settings.png') })
})

test('thirty profiles: the list in light and dark, a search, and quick copy', async ({ machine }) => {
  await thirtyProjects(machine)
  await machine.withEngine((engine) => engine.updateSettings({ theme: 'light' }))
  const app = await machine.launch()
  const page = await app.window()
  await page.setViewportSize({ width: 1100, height: 800 })
  await expect(profileRows(page)).toHaveCount(30)
  // The two with revoked refresh tokens are refreshed (R), so they show as needing a sign-in, pinned on top.
  for (const name of ['Initech', 'Umbrella']) {
    await profileRow(page, name).getByRole('rowheader').click()
    await page.keyboard.press('r')
    await expect(profileRow(page, name).getByText('Needs sign-in')).toBeVisible()
  }
  // Their failure toasts said so; a person reads and dismisses them.
  const dismiss = page.getByRole('button', { name: 'Dismiss' })
  await expect(dismiss).toHaveCount(2)
  await dismiss.first().click()
  await dismiss.first().click()
  await expect(dismiss).toHaveCount(0)
  await profileRow(page, 'Acme').getByRole('rowheader').click()
  for (const theme of ['light', 'dark'] as const) {
    await useTheme(page, theme)
    await page.screenshot({ path: join(OUT, `list-30-${theme}.png`) })
  }
  await useTheme(page, 'light')

  await page.keyboard.press('/')
  await page.keyboard.type('glo')
  await expect(profileRows(page).filter({ visible: true })).toHaveCount(2)
  await page.screenshot({ path: join(OUT, 'search.png') })
  await page.keyboard.press('Escape')

  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Quick copy' })
  await expect(palette).toBeVisible()
  await page.keyboard.type('sta')
  await page.screenshot({ path: join(OUT, 'quick-copy.png') })
})

test('first run', async ({ machine }) => {
  await machine.withEngine((engine) => engine.updateSettings({ theme: 'light' }))
  const app = await machine.launch()
  const page = await app.window()
  await page.setViewportSize({ width: 960, height: 560 })
  await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible()
  await page.screenshot({ path: join(OUT, 'first-run.png') })
})
