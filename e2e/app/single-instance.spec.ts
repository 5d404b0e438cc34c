import { expect, test } from '../harness/fixtures'

test('a second launch shows the running window and starts nothing of its own', async ({ machine }) => {
  await machine.addProfile('Acme')
  const first = await machine.launch()
  await first.window()
  await first.closeWindow()
  await expect.poll(() => first.windowShown()).toBe(false)
  const requests = machine.fake.requests.length

  const second = await machine.launch()
  await second.ended()
  await expect.poll(() => first.windowShown()).toBe(true)
  expect(await second.windowShown()).toBe(false)
  // The second instance neither signed in nor refreshed: it never started an engine.
  expect(machine.fake.requests.length).toBe(requests)
})
