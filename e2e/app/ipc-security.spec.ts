import type { Page } from '@playwright/test'
import type { Api, Envelope } from '../../main/ipc/contract'
import { DRIVER, expect, test } from '../harness/fixtures'

type WithApi = typeof globalThis & { api?: Api }
type WithInvoke = typeof globalThis & {
  __avcmHarnessInvoke: (channel: string, args: unknown[]) => Promise<Envelope<unknown>>
}

type Opened = typeof globalThis & {
  opened?: { readonly closed: boolean } | null
  open(url: string): { readonly closed: boolean } | null
  readonly location: { href: string }
}

const FORBIDDEN = { ok: false, error: { kind: 'forbidden', message: 'This page may not call the app.' } }

test.describe('IPC from anywhere but the app’s window', () => {
  test.skip(
    DRIVER === 'electron',
    'a page outside the app’s window can only be opened in the harness; on Electron the guards refuse to open one',
  )

  test('is refused: a second page at the app’s own origin, and a frame at another origin', async ({
    machine,
  }) => {
    await machine.addProfile('Acme')
    const app = await machine.launch()
    const window = await app.window()
    const own = await window.evaluate(() => (globalThis as WithApi).api?.profiles.list())
    expect(own).toMatchObject({ ok: true, value: [{ name: 'Acme' }] })

    // Another page of the same session, at the renderer's own origin: the session's preload gives it
    // window.api, but it is not the app's window.
    const second: Page = await window.context().newPage()
    await second.goto(window.url())
    const fromSecond = await second.evaluate(() => (globalThis as WithApi).api?.profiles.list())
    expect(fromSecond).toEqual(FORBIDDEN)

    // A page at another origin gets no window.api at all; even a frame that reaches the IPC bridge
    // itself (as a compromised renderer might) is refused.
    await second.route('https://elsewhere.test/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: route.request().url().endsWith('/frame')
          ? '<p>frame</p>'
          : '<iframe src="https://elsewhere.test/frame"></iframe>',
      }),
    )
    await second.goto('https://elsewhere.test/')
    expect(await second.evaluate(() => typeof (globalThis as WithApi).api)).toBe('undefined')
    const frame = second.frames().find((f) => f.url() === 'https://elsewhere.test/frame')
    if (frame === undefined) throw new Error('the frame did not load')
    for (const caller of [second.mainFrame(), frame]) {
      const answer = await caller.evaluate(() =>
        (globalThis as WithInvoke).__avcmHarnessInvoke('profiles:reveal', [{ id: 'x' }]),
      )
      expect(answer).toEqual(FORBIDDEN)
    }
  })
})

test('the window is served with the strict CSP, and refuses new windows and navigation away', async ({
  machine,
}) => {
  const app = await machine.launch()
  const window = await app.window()
  const response = await Promise.all([
    window.waitForResponse((r) => r.url() === window.url()),
    window.reload(),
  ])
  const csp = response[0].headers()['content-security-policy'] ?? ''
  expect(csp).toContain("default-src 'none'")
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).toContain("connect-src 'none'")

  // A new window is refused: window.open gets nothing, or a window that is closed at once.
  await window.evaluate(() => {
    const page = globalThis as Opened
    page.opened = page.open('https://example.com/')
  })
  await window.waitForFunction(() => {
    const opened = (globalThis as Opened).opened
    return opened === null || opened?.closed === true
  })

  // Navigating away is refused: the app stays where it is.
  const before = window.url()
  await window.evaluate(() => {
    ;(globalThis as Opened).location.href = 'https://example.com/'
  })
  await expect(window.getByRole('button', { name: /Add( a)? profile/ }).first()).toBeVisible()
  await window.waitForLoadState('load')
  expect(window.url()).toBe(before)
  await expect(window).not.toHaveTitle('Outside the app')
})
