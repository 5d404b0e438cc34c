import { expect, test } from '../harness/fixtures'
import { profileRow } from './helpers'

test('started at login, the app starts hidden, in the tray', async ({ machine }) => {
  await machine.addProfile('Acme')
  const app = await machine.launch({ args: ['--hidden'] })
  await expect.poll(async () => (await app.trayItems())[0]?.label).toMatch(/^Acme · .* · 59 min left$/)
  const window = await app.window()
  await expect(profileRow(window, 'Acme')).toBeAttached()
  expect(await app.windowShown()).toBe(false)

  await app.clickTray('Open window')
  await expect.poll(() => app.windowShown()).toBe(true)
})
