import { createApiVideoClient } from '../../main/core/apivideo/client'
import { expect, GOOD_KEY, OTHER_KEY, test } from '../harness/fixtures'

test('the global shortcut brings the hidden window forward with the quick copy palette, the default profile first', async ({
  machine,
}) => {
  await machine.withEngine(async (engine) => {
    await engine.add({ name: 'Acme', environment: machine.fake.url, apiKey: GOOD_KEY })
    const globex = await engine.add({ name: 'Globex', environment: machine.fake.url, apiKey: OTHER_KEY })
    await engine.updateSettings({
      globalShortcut: { enabled: true, accelerator: 'CommandOrControl+Alt+T' },
      defaultProfileId: globex.id,
    })
  })
  const globexToken = machine.fake.requestsTo('auth/api-key')[1]?.issued?.accessToken
  const app = await machine.launch({ args: ['--hidden'] })
  const page = await app.window()
  await expect(page.getByText('Globex', { exact: true }).first()).toBeAttached()
  expect(await app.windowShown()).toBe(false)
  await expect.poll(() => app.shortcuts()).toEqual(['CommandOrControl+Alt+T'])

  expect(await app.pressShortcut('CommandOrControl+Alt+T')).toBe(true)
  await expect.poll(() => app.windowShown()).toBe(true)
  const palette = page.getByRole('dialog', { name: 'Quick copy' })
  await expect(palette.getByRole('combobox', { name: 'Profile to copy from' })).toBeFocused()
  await expect(palette.getByRole('option', { selected: true })).toContainText('Globex')
  // Nothing is copied until the person picks: the shortcut only opens the palette.
  expect(await machine.clipboardText()).toBe('')

  await page.keyboard.press('Enter')
  await expect.poll(() => machine.clipboardText()).toMatch(/^eyJ/)
  const token = await machine.clipboardText()
  expect(token).toBe(globexToken)
  await expect(createApiVideoClient({ baseUrl: machine.fake.url }).verify(token)).resolves.toMatchObject({
    videoCount: 3,
  })
  await expect(palette).toBeHidden()
  // The window came from the tray for this copy: it goes back, and the person pastes where they were.
  await expect.poll(() => app.windowShown()).toBe(false)

  // Opened from the tray, the window stays after a copy from the palette, even one the shortcut opened.
  await app.clickTray('Open window')
  await expect.poll(() => app.windowShown()).toBe(true)
  await machine.setClipboardText('')
  expect(await app.pressShortcut('CommandOrControl+Alt+T')).toBe(true)
  await expect(palette).toBeVisible()
  await page.keyboard.press('Enter')
  await expect.poll(() => machine.clipboardText()).toMatch(/^eyJ/)
  await expect(palette).toBeHidden()
  expect(await app.windowShown()).toBe(true)

  await app.quit()
})
