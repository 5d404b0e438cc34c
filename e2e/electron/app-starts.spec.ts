import { expect, test } from '@playwright/test'
import {
  closeApp,
  launchApp,
  launchSecondInstance,
  skipWithoutElectron,
  windowVisible,
  type AppPage,
  type LaunchedApp,
} from './launch-app'

test.describe('the Electron app', () => {
  skipWithoutElectron()
  let launched: LaunchedApp
  test.beforeEach(async () => {
    launched = await launchApp()
  })
  test.afterEach(async () => {
    await closeApp(launched)
  })

  test('shows its window, served from the app scheme, with window.api answering', async () => {
    const { window, app } = launched
    await expect(window).toHaveTitle('api.video Credential Manager')
    expect(await window.evaluate(() => (globalThis as AppPage).location.protocol)).toBe('app:')
    await expect.poll(() => windowVisible(app)).toBe(true)
    const state = await window.evaluate(() => (globalThis as AppPage).api.app.state())
    expect(state).toMatchObject({ ok: true, value: { demoRunning: false, shortcutError: null } })
  })

  test('gives the page window.api and nothing of Node or Electron', async () => {
    const exposed = await launched.window.evaluate(() => {
      const page = globalThis as AppPage & { require?: unknown; process?: unknown; ipcRenderer?: unknown }
      return {
        require: typeof page.require,
        process: typeof page.process,
        ipcRenderer: typeof page.ipcRenderer,
        apiKeys: Object.keys(page.api).sort(),
      }
    })
    expect(exposed).toEqual({
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
      apiKeys: ['activity', 'app', 'demo', 'events', 'profiles', 'settings'],
    })
  })

  test('denies window.open, and serves the renderer with the strict CSP header', async () => {
    const { app, window } = launched
    expect(await window.evaluate(() => (globalThis as AppPage).open('https://example.com/') === null)).toBe(
      true,
    )
    expect(app.windows()).toHaveLength(1)
    const csp = await app.evaluate(async ({ session }) => {
      const response = await session.defaultSession.fetch('app://renderer/index.html')
      return response.headers.get('content-security-policy')
    })
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
  })

  test('closing the window hides it to the tray, and a second launch shows it again', async () => {
    const { app } = launched
    await expect.poll(() => windowVisible(app)).toBe(true)
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close())
    await expect.poll(() => windowVisible(app)).toBe(false)
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
    expect(await launchSecondInstance(launched)).toBe(0)
    await expect.poll(() => windowVisible(app)).toBe(true)
  })
})
