import type { Api } from '../../main/ipc/contract'
import { expect, test } from '../harness/fixtures'

type Exposed = typeof globalThis & { api: Api; require?: unknown; process?: unknown; ipcRenderer?: unknown }

test('the window shows the app with window.api, and nothing of Node or Electron', async ({ machine }) => {
  const app = await machine.launch()
  const window = await app.window()
  await expect(window).toHaveTitle('api.video Credential Manager')
  await expect.poll(() => app.windowShown()).toBe(true)
  const exposed = await window.evaluate(() => {
    const page = globalThis as Exposed
    return {
      require: typeof page.require,
      process: typeof page.process,
      ipcRenderer: typeof page.ipcRenderer,
      api: Object.keys(page.api).sort(),
    }
  })
  expect(exposed).toEqual({
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
    api: ['activity', 'app', 'demo', 'endpoints', 'events', 'palette', 'profiles', 'settings'],
  })
  const state = await window.evaluate(() => (globalThis as Exposed).api.app.state())
  expect(state).toMatchObject({
    ok: true,
    value: { demoRunning: false, shortcutError: null, endpoints: {} },
  })
})

test('closing the window hides it to the tray, says once where the app went, and the tray brings it back', async ({
  machine,
}) => {
  const app = await machine.launch()
  await app.window()
  await expect.poll(() => app.windowShown()).toBe(true)
  await app.closeWindow()
  await expect.poll(() => app.windowShown()).toBe(false)
  await expect
    .poll(async () => (await app.notifications()).map((n) => n.title))
    .toEqual([expect.stringMatching(/still running/i)])
  await app.clickTray('Open window')
  await expect.poll(() => app.windowShown()).toBe(true)
  await app.closeWindow()
  await expect.poll(() => app.windowShown()).toBe(false)
  expect(await app.notifications()).toHaveLength(1)
})
