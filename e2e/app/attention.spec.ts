import { expect, GOOD_KEY, test } from '../harness/fixtures'

test('a rejected refresh token raises one notification, and clicking it shows the window at that profile', async ({
  machine,
}) => {
  await machine.withEngine(async (engine) => {
    await engine.add({ name: 'Acme', environment: machine.fake.url, apiKey: GOOD_KEY })
    await engine.add({ name: 'Globex', environment: machine.fake.url, apiKey: GOOD_KEY })
  })
  const app = await machine.launch()
  const window = await app.window()
  await expect(window.getByRole('article', { name: 'Globex' })).toBeVisible()
  await app.closeWindow()
  await expect.poll(() => app.windowShown()).toBe(false)

  machine.fake.revokeRefreshTokens()
  await app.clickTray('More for Globex', 'Refresh now')
  await expect.poll(async () => (await app.notifications()).length).toBeGreaterThan(0)
  // Asking again does not notify again: one notification per profile that needs a person.
  await expect.poll(async () => (await app.trayItems()).map((i) => i.label)).toContain('More for Globex')
  const notices = (await app.notifications()).filter((n) => /Globex/.test(`${n.title} ${n.body}`))
  expect(notices).toHaveLength(1)

  await app.clickNotification(notices[0]?.title ?? '')
  await expect.poll(() => app.windowShown()).toBe(true)
  await expect(window.getByRole('article', { name: 'Globex' })).toBeFocused()
})
