import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'

/** Debian's Chromium by default (Playwright cannot download its own browsers here); CHROMIUM_PATH overrides. */
const chromiumPath =
  process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

/** The browser the browser-host specs and the screenshots use. */
const browserHost = {
  browserName: 'chromium' as const,
  launchOptions: {
    ...(chromiumPath === undefined ? {} : { executablePath: chromiumPath }),
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  },
}

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
      use: browserHost,
    },
    // Only `npm run screenshots` runs this project; it writes docs/screenshots/.
    ...(process.env['AVCM_SCREENSHOTS'] === '1'
      ? [{ name: 'screenshots', testDir: 'e2e/screenshots', use: browserHost }]
      : []),
    {
      name: 'electron',
      testDir: 'e2e/electron',
    },
  ],
})
