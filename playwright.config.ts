import { defineConfig } from '@playwright/test'
import { chromium } from './e2e/chromium'

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  forbidOnly: process.env['CI'] !== undefined,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  reporter: [['list'], ['./e2e/skip-reasons-reporter.ts']],
  projects: [
    {
      name: 'browser-host',
      testDir: 'e2e/browser',
      use: chromium,
    },
    // Only `npm run screenshots` runs this project; it writes docs/screenshots/.
    ...(process.env['AVCM_SCREENSHOTS'] === '1'
      ? [{ name: 'screenshots', testDir: 'e2e/screenshots', use: chromium }]
      : []),
    {
      name: 'electron',
      testDir: 'e2e/electron',
    },
  ],
})
