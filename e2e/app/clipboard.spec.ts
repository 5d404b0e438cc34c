import type { Api } from '../../main/ipc/contract'
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
  await machine.addProfile('Acme')
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

test('when the delay is up, what the person copied since stays on the clipboard', async ({ machine }) => {
  const profile = await machine.withEngine(async (engine) => {
    await engine.updateSettings({ clipboardClearSeconds: 2 })
    return engine.add({ name: 'Acme', environment: machine.fake.url, apiKey: GOOD_KEY })
  })
  const app = await machine.launch()
  const window = await app.window()
  const copied = await window.evaluate(
    (id) => (globalThis as unknown as { api: Api }).api.profiles.copy({ id, format: 'token' }),
    profile.id,
  )
  if (!copied.ok || copied.value.clearsAt === null) throw new Error('the copy did not say when it clears')
  const clearsAt = copied.value.clearsAt
  await expect.poll(() => machine.clipboardText()).toMatch(/^eyJ/)
  await machine.setClipboardText('my own notes')
  // The only thing to wait for is the clock passing the moment the app said it would clear.
  await expect.poll(() => Date.now(), { timeout: 10_000 }).toBeGreaterThan(clearsAt + 500)
  expect(await machine.clipboardText()).toBe('my own notes')
})
