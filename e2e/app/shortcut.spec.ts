import { expect, GOOD_KEY, test } from '../harness/fixtures'

test('the global shortcut copies the default profile’s token', async ({ machine }) => {
  await machine.withEngine(async (engine) => {
    await engine.add({ name: 'Acme', environment: machine.fake.url, apiKey: GOOD_KEY })
    await engine.updateSettings({ globalShortcut: { enabled: true, accelerator: 'CommandOrControl+Alt+T' } })
  })
  const app = await machine.launch()
  await expect.poll(() => app.shortcuts()).toEqual(['CommandOrControl+Alt+T'])
  expect(await app.pressShortcut('CommandOrControl+Alt+T')).toBe(true)
  await expect.poll(() => machine.clipboardText()).toMatch(/^eyJ/)
  const response = await fetch(`${machine.fake.url}/videos`, {
    headers: { Authorization: `Bearer ${await machine.clipboardText()}` },
  })
  expect(response.status).toBe(200)

  await app.quit()
})
