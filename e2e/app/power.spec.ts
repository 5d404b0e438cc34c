import { DRIVER, expect, test } from '../harness/fixtures'

test('waking after a long sleep refreshes the tokens that expired meanwhile', async ({ machine }) => {
  test.skip(DRIVER === 'electron', 'only the stand-ins can move the machine’s clock as a sleep does')
  await machine.addProfile('Acme')
  const app = await machine.launch()
  await expect.poll(async () => (await app.trayItems())[0]?.label).toMatch(/^Acme · .* · 59 min left$/)
  machine.fake.clearLog()

  // Two hours asleep: the wall clock moved on, no timer ran.
  machine.jumpClock?.(2 * 60 * 60 * 1000)
  machine.fake.expireAccessTokens()
  await app.power('suspend')
  await app.power('resume')

  await expect.poll(() => machine.fake.requestsTo('auth/refresh').length, { timeout: 5_000 }).toBe(1)
  await expect.poll(async () => (await app.trayItems())[0]?.label).toMatch(/^Acme · .* · 59 min left$/)
})
