import { expect, GOOD_KEY, OTHER_KEY, test } from '../harness/fixtures'
import { profileRow } from './helpers'

/** "59:58" → 3598 */
const seconds = (text: string): number =>
  text.split(':').reduce((total, part) => total * 60 + Number(part), 0)

test('started with existing profiles, the window lists them with live countdowns', async ({ machine }) => {
  await machine.withEngine(async (engine) => {
    await engine.add({ name: 'Acme', environment: machine.fake.url, apiKey: GOOD_KEY })
    await engine.add({ name: 'Globex', environment: machine.fake.url, apiKey: OTHER_KEY })
  })
  const app = await machine.launch()
  const window = await app.window()
  await expect.poll(() => app.windowShown()).toBe(true)
  for (const name of ['Acme', 'Globex']) {
    const countdown = profileRow(window, name).getByTestId('countdown')
    await expect(countdown).toHaveText(/^\d+:\d\d$/)
    const first = (await countdown.textContent()) ?? ''
    await expect(countdown).not.toHaveText(first)
    expect(seconds((await countdown.textContent()) ?? '')).toBeLessThan(seconds(first))
  }
  expect(app.loggedErrors()).toEqual([])
})
