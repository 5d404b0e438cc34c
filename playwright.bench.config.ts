import { defineConfig } from '@playwright/test'
import { chromium } from './e2e/chromium'

/**
 * `npm run bench`: the benchmarks of bench/, one at a time in one worker (so they never compete for the two
 * cores), printed as one table by bench/table-reporter.ts. Playwright runs them because its loader runs
 * TypeScript under plain Node and the renderer benchmark needs its Chromium anyway.
 */
export default defineConfig({
  testDir: 'bench',
  testMatch: '*.bench.ts',
  outputDir: 'test-results/bench',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  globalTimeout: 290_000,
  globalSetup: './bench/global-setup.ts',
  reporter: [['./bench/table-reporter.ts']],
  use: chromium,
})
