import type { Page } from '@playwright/test'
import { expect, test } from '../harness/fixtures'

/** Errors and warnings the page logged, and errors it threw, since it was created. */
async function problems(page: Page): Promise<string[]> {
  const logged = (await page.consoleMessages({ filter: 'all' }))
    .filter((message) => message.type() === 'error' || message.type() === 'warning')
    .map((message) => `${message.type()}: ${message.text()}`)
  const thrown = (await page.pageErrors({ filter: 'all' })).map((error) => `thrown: ${error.message}`)
  return [...logged, ...thrown]
}

test('the built renderer loads through the app’s protocol under its CSP, without console errors', async ({
  machine,
}) => {
  const app = await machine.launch()
  const window = await app.window()
  await expect(window.getByRole('heading', { level: 1 })).toHaveText('api.video Credential Manager')
  await expect(window.getByRole('button', { name: 'Try the demo' })).toBeVisible()
  expect(await problems(window)).toEqual([])

  // Loaded again, the same way (the app's protocol handler answers the reload), still without a complaint.
  const response = await window.reload()
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
  await expect(window.getByRole('button', { name: 'Try the demo' })).toBeVisible()
  expect(await problems(window)).toEqual([])
  expect(app.loggedErrors()).toEqual([])

  // The policy is in force: the page itself cannot reach the network, not even api.video (the fake).
  const reached = await window.evaluate(
    (url) =>
      fetch(url).then(
        () => 'reached',
        () => 'refused',
      ),
    `${machine.fake.url}/videos`,
  )
  expect(reached).toBe('refused')
  // …refused by the policy itself, which says so (not merely by a network the page cannot reach).
  await expect
    .poll(async () => (await window.consoleMessages()).map((message) => message.text()))
    .toContainEqual(
      expect.stringContaining(
        `violates the following Content Security Policy directive: "connect-src 'none'"`,
      ),
    )
  expect(machine.fake.requests).toEqual([])
})
