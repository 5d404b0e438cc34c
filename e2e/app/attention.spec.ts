import type { Api } from '../../main/ipc/contract'
import { expect, GOOD_KEY, test } from '../harness/fixtures'
import { profileRow } from './helpers'

test('a rejected refresh token raises one notification, and clicking it shows the window at that profile', async ({
  machine,
}) => {
  await machine.withEngine(async (engine) => {
    await engine.add({ name: 'Acme', environment: machine.fake.url, apiKey: GOOD_KEY })
    await engine.add({ name: 'Globex', environment: machine.fake.url, apiKey: GOOD_KEY })
  })
  const app = await machine.launch()
  const window = await app.window()
  await expect(profileRow(window, 'Globex')).toBeVisible()
  await app.closeWindow()
  await expect.poll(() => app.windowShown()).toBe(false)

  machine.fake.revokeRefreshTokens()
  const aboutGlobex = async () =>
    (await app.notifications()).filter((n) => /Globex/.test(`${n.title} ${n.body}`))
  await app.clickTray('More for Globex', 'Refresh now')
  await expect.poll(async () => (await aboutGlobex()).length).toBe(1)
  // Nothing more about it once the refresh has settled and the app looked again (a wake-up re-checks all).
  await expect
    .poll(async () => (await app.trayItems()).find((i) => i.label.startsWith('Globex · '))?.label)
    .toMatch(/needs sign-in/)
  await app.power('resume')
  await window.evaluate(() => (globalThis as unknown as { api: Api }).api.profiles.list())
  const notices = await aboutGlobex()
  expect(notices).toHaveLength(1)

  await app.clickNotification(notices[0]?.title ?? '')
  await expect.poll(() => app.windowShown()).toBe(true)
  await expect(profileRow(window, 'Globex')).toBeFocused()
  await expect(profileRow(window, 'Globex')).toHaveAttribute('aria-selected', 'true')
  await expect(window.getByRole('article', { name: 'Globex' })).toBeVisible()
})
