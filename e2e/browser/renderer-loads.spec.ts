import { expect, test } from './fixtures'

test('the built renderer loads in Chromium under its CSP, without console errors', async ({ host }) => {
  const problems: string[] = []
  host.page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
  })
  host.page.on('pageerror', (error) => problems.push(error.message))
  await host.open()
  await expect(host.page.getByRole('heading', { level: 1 })).toHaveText('api.video Credential Manager')
  await expect(host.page.getByRole('button', { name: 'Try the demo' })).toBeVisible()
  expect(problems).toEqual([])
})
