import { existsSync } from 'node:fs'

/** Debian's Chromium by default (Playwright cannot download its own browsers here); CHROMIUM_PATH overrides. */
const executablePath =
  process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

/**
 * How the desktop harness's windows, the screenshots and the renderer benchmark start Chromium: headless, with the
 * background networking this closed machine refuses turned off.
 */
export const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    ...(executablePath === undefined ? {} : { executablePath }),
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  },
}
