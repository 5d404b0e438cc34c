import { expect, test } from '@playwright/test'
import { APP_ORIGIN, serveRenderer } from './serve-renderer'

test('the built renderer loads in Chromium under its CSP, without console errors', async ({ page }) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  await serveRenderer(page)
  await page.goto(`${APP_ORIGIN}/`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('api.video Credential Manager')
  expect(problems).toEqual([])
})
