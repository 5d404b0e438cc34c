import { expect, test, type ElectronApplication } from '@playwright/test'
import { startFakeApiVideo, type FakeApiVideo } from '../../main/fake-api/server'
import { closeApp, launchApp, skipWithoutElectron, type AppPage, type LaunchedApp } from './launch-app'

const API_KEY = 'e2e-api-key'
/** 70 s tokens: "1 min left" for ten seconds, then "under a minute left" until the refresh at 35 s left. */
const LIFETIME_SECONDS = 70

/**
 * Makes the main process keep the last menu set on any tray, so a spec can read its labels and click its
 * items as a person would. Only menus set after this call are seen, so call it before the change to watch.
 */
function watchTrayMenu(app: ElectronApplication): Promise<void> {
  return app.evaluate(({ Tray }) => {
    const seen = globalThis as typeof globalThis & { lastTrayMenu?: Electron.Menu | null }
    const original: (this: Electron.Tray, menu: Electron.Menu | null) => void = Reflect.get(
      Tray.prototype,
      'setContextMenu',
    )
    Tray.prototype.setContextMenu = function (this: Electron.Tray, menu: Electron.Menu | null) {
      seen.lastTrayMenu = menu
      original.call(this, menu)
    }
  })
}

/** The label of a tray menu item by id, or null when the last menu has no such item. */
function trayLabel(app: ElectronApplication, id: string): Promise<string | null> {
  return app.evaluate((_electron, itemId) => {
    const seen = globalThis as typeof globalThis & { lastTrayMenu?: Electron.Menu | null }
    return seen.lastTrayMenu?.getMenuItemById(itemId)?.label ?? null
  }, id)
}

/** Clicks a tray menu item by id, as a person choosing it. */
function clickTrayItem(app: ElectronApplication, id: string): Promise<void> {
  return app.evaluate((_electron, itemId) => {
    const seen = globalThis as typeof globalThis & { lastTrayMenu?: Electron.Menu | null }
    const item = seen.lastTrayMenu?.getMenuItemById(itemId)
    if (item === null || item === undefined) throw new Error(`no tray item ${itemId}`)
    ;(item.click as () => void)()
  }, id)
}

test.describe('the tray', () => {
  skipWithoutElectron()
  test.setTimeout(60_000)
  let fake: FakeApiVideo
  let launched: LaunchedApp
  test.beforeEach(async () => {
    fake = await startFakeApiVideo({ apiKeys: [API_KEY], accessTokenLifetimeSeconds: LIFETIME_SECONDS })
    launched = await launchApp()
  })
  test.afterEach(async () => {
    await closeApp(launched)
    await fake.close()
  })

  test('adding a profile, seeing it count down, copying from the tray, quitting', async () => {
    const { app, window } = launched
    await watchTrayMenu(app)
    await window.evaluate(() => {
      const page = globalThis as AppPage & { eventTypes?: string[] }
      page.eventTypes = []
      page.api.events.subscribe((event) => page.eventTypes?.push(event.type))
    })

    // Add a profile through window.api, against the fake api.video server.
    const added = await window.evaluate(
      ({ url, apiKey }) =>
        (globalThis as AppPage).api.profiles.add({
          name: 'acme',
          environment: url,
          apiKey,
          rememberApiKey: false,
        }),
      { url: fake.url, apiKey: API_KEY },
    )
    if (!added.ok) throw new Error(`adding failed: ${added.error.message}`)
    const profile = added.value
    expect(profile.session.status).toBe('valid')
    await expect
      .poll(() => window.evaluate(() => (globalThis as AppPage & { eventTypes?: string[] }).eventTypes ?? []))
      .toContain('profiles')

    // The window counts down…
    const countdown = window.getByRole('article', { name: 'acme' }).getByTestId('countdown')
    await expect(countdown).toHaveText(/^\d+:\d\d$/)
    const first = (await countdown.textContent()) ?? ''
    await expect(countdown).not.toHaveText(first)

    // …and so does the tray, by whole minutes.
    const line = `profile:${profile.id}`
    await expect.poll(() => trayLabel(app, line)).toBe(`acme · ${profile.environmentLabel} · 1 min left`)
    await expect
      .poll(() => trayLabel(app, line), { timeout: 20_000 })
      .toBe(`acme · ${profile.environmentLabel} · under a minute left`)

    // Clicking the profile's line copies a token that api.video accepts.
    await app.evaluate(({ clipboard }) => clipboard.writeText('something the person copied before'))
    await clickTrayItem(app, line)
    await expect
      .poll(() => app.evaluate(({ clipboard }) => clipboard.readText()))
      .not.toBe('something the person copied before')
    const copied = await app.evaluate(({ clipboard }) => clipboard.readText())
    const videos = await fetch(`${fake.url}/videos`, { headers: { Authorization: `Bearer ${copied}` } })
    expect(videos.status).toBe(200)

    // The submenu copies the other formats.
    await clickTrayItem(app, `${line}:copy-header`)
    await expect
      .poll(() => app.evaluate(({ clipboard }) => clipboard.readText()))
      .toMatch(/^Authorization: Bearer \S+$/)

    // Quit from the tray really quits.
    const closed = app.waitForEvent('close')
    await clickTrayItem(app, 'quit')
    await closed
  })
})
