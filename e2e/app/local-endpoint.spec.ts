import { request } from 'node:http'
import type { SeenItem } from '../harness/stand-ins/tray'
import { expect, test } from '../harness/fixtures'
import { launchWithProfile } from './helpers'

/**
 * What a fresh connection to `url` gets: its status, or `refused` when nothing listens any more. A new
 * connection each time (no keep-alive pool), so "refused" means the port is closed, not a stale socket.
 */
function probe(url: string): Promise<number | 'refused'> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { agent: false }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    sent.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNREFUSED' ? resolve('refused') : reject(error),
    )
    sent.end()
  })
}

/** The labels of a tray submenu. */
function submenu(items: readonly SeenItem[], label: string): string[] {
  return items.find((item) => item.label === label)?.submenu.map((item) => item.label) ?? []
}

test('a profile’s local endpoint: started in the window, used with no key, stopped from the tray and at quit', async ({
  machine,
}) => {
  const { app, details: card } = await launchWithProfile(machine, 'Acme')
  const field = card.getByRole('textbox', { name: 'Local endpoint URL for Acme' })

  // Started from the window: its URL shows, read-only, and Copy URL puts exactly it on the clipboard.
  await card.getByRole('button', { name: 'Start local endpoint' }).click()
  await expect(field).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/[^/]+\/$/)
  await expect(field).toHaveAttribute('readonly')
  const url = await field.inputValue()
  await card.getByRole('button', { name: 'Copy URL' }).click()
  await expect.poll(() => machine.clipboardText()).toBe(url)

  // A script with no credentials lists videos through it; api.video saw a token it issued to this profile.
  const listed = await fetch(`${url}videos`)
  expect(listed.status).toBe(200)
  expect(await listed.json()).toHaveProperty('data')
  const issued = machine.fake.requests.flatMap((logged) =>
    logged.issued === undefined ? [] : [logged.issued.accessToken],
  )
  const [through] = machine.fake.requestsTo('videos')
  expect(through?.auth).toBe('bearer')
  expect(issued).toContain(through?.bearer)
  expect(machine.fake.requestsTo('videos')).toHaveLength(1)

  // Without the secret the endpoint refuses, and nothing reaches api.video.
  const { origin } = new URL(url)
  expect(await probe(`${origin}/videos`)).toBe(403)
  expect(machine.fake.requestsTo('videos')).toHaveLength(1)

  // The tray offers to stop it and to copy its URL, never showing the URL itself.
  await expect
    .poll(async () => submenu(await app.trayItems(), 'More for Acme'))
    .toEqual(expect.arrayContaining(['Stop local endpoint', 'Copy local endpoint URL']))
  expect(submenu(await app.trayItems(), 'More for Acme')).not.toContain('Start local endpoint')
  expect(JSON.stringify(await app.trayItems())).not.toContain(new URL(url).pathname)
  await machine.setClipboardText('')
  await app.clickTray('More for Acme', 'Copy local endpoint URL')
  await expect.poll(() => machine.clipboardText()).toBe(url)

  // Stopped from the tray: the URL refuses connections, and the window offers to start it again.
  await app.clickTray('More for Acme', 'Stop local endpoint')
  await expect.poll(() => probe(`${url}videos`)).toBe('refused')
  await expect(field).toBeHidden()
  await expect
    .poll(async () => submenu(await app.trayItems(), 'More for Acme'))
    .toContain('Start local endpoint')

  // Started again: a new URL (a new secret); at quit it stops too.
  await card.getByRole('button', { name: 'Start local endpoint' }).click()
  await expect(field).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/[^/]+\/$/)
  const again = await field.inputValue()
  expect(again).not.toBe(url)
  expect(await probe(`${again}videos`)).toBe(200)
  await app.quit()
  expect(await probe(`${again}videos`)).toBe('refused')
  expect(app.loggedErrors()).toEqual([])
})
