import { test as base, expect } from '@playwright/test'
import { createHost, type Host } from './host'

/** Playwright's test with a `host`: the built renderer in Chromium over the real engine. */
export const test = base.extend<{ host: Host }>({
  host: async ({ page }, use) => {
    expect(process.env['AVCM_PRIVATE_KEYCHAIN'], 'run through npm test or npm run test:browser').toBe('1')
    const host = await createHost(page)
    await use(host)
    await host.close()
  },
})

export { expect }
