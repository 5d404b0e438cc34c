import { expect, GOOD_KEY, test } from '../harness/fixtures'

test('a copied token is cleared after the configured delay', async ({ machine }) => {
  await machine.withEngine(async (engine) => {
    await engine.add({ name: 'Acme', environment: machine.fake.url, apiKey: GOOD_KEY })
    await engine.updateSettings({ clipboardClearSeconds: 2 })
  })
  const app = await machine.launch()
  await expect.poll(async () => (await app.trayItems())[0]?.label).toMatch(/^Acme · /)
  await app.clickTray(/^Acme · /)
  await expect.poll(() => machine.clipboardText()).toMatch(/^eyJ/)
  await expect.poll(() => machine.clipboardText(), { timeout: 10_000 }).toBe('')
})

test('quitting clears a copied token, but not what the person copied since', async ({ machine }) => {
  await machine.withEngine((engine) =>
    engine.add({ name: 'Acme', environment: machine.fake.url, apiKey: GOOD_KEY }),
  )
  const first = await machine.launch()
  await expect.poll(async () => (await first.trayItems())[0]?.label).toMatch(/^Acme · /)
  await first.clickTray(/^Acme · /)
  await expect.poll(() => machine.clipboardText()).toMatch(/^eyJ/)
  await machine.setClipboardText('my own notes')
  await first.quit()
  expect(await machine.clipboardText()).toBe('my own notes')

  const second = await machine.launch()
  await expect.poll(async () => (await second.trayItems())[0]?.label).toMatch(/^Acme · /)
  await second.clickTray(/^Acme · /)
  await expect.poll(() => machine.clipboardText()).toMatch(/^eyJ/)
  await second.quit()
  expect(await machine.clipboardText()).toBe('')
})
