import { sessionAccount } from '../../main/core/secrets/session-entry'
import { refreshTokenIn } from '../../main/testing/stored-session'
import { expect, test } from '../harness/fixtures'

test('quitting in the middle of a refresh waits for it, says so, and the keychain keeps the rotated token', async ({
  machine,
}) => {
  const profile = await machine.addProfile('Acme')
  const app = await machine.launch()
  await expect.poll(async () => (await app.trayItems())[0]?.label).toMatch(/^Acme · /)

  // api.video takes its time answering this refresh: longer than quitting used to wait.
  machine.fake.inject('auth/refresh', { kind: 'latency', ms: 4_000 })
  await app.clickTray('More for Acme', 'Refresh now')
  await expect.poll(() => machine.fake.inFlight('auth/refresh')).toBe(1)
  const ended = await app.quit()
  expect(ended.how).toBe('quit')

  const [refresh] = machine.fake.requestsTo('auth/refresh')
  const rotated = refresh?.issued?.refreshToken
  expect(rotated).toBeDefined()
  expect(refreshTokenIn(await machine.keychain.get(sessionAccount(profile.id)))).toBe(rotated)
  // The wait was long enough to be explained to the person.
  expect((await app.notifications()).map((n) => n.title)).toContain('Quitting…')

  // And the next start uses the rotated token: no sign-in needed.
  const again = await machine.launch()
  await expect.poll(async () => (await again.trayItems())[0]?.label).toMatch(/^Acme · .* · 59 min left$/)
})
