import { defineConfig } from '@playwright/test'
import { chromium } from './e2e/chromium'

/**
 * One set of end-to-end specs (e2e/app/), run through the desktop harness: on its stand-ins by default, and
 * on real Electron with AVCM_E2E_DRIVER=electron (`npm run test:electron`), where the binary exists.
 */
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
      name: process.env['AVCM_E2E_DRIVER'] === 'electron' ? 'electron' : 'desktop',
      testDir: 'e2e/app',
      use: chromium,
    },
    // Only `npm run screenshots` runs this project; it writes docs/screenshots/.
    ...(process.env['AVCM_SCREENSHOTS'] === '1'
      ? [{ name: 'screenshots', testDir: 'e2e/screenshots', use: chromium }]
      : []),
  ],
})
