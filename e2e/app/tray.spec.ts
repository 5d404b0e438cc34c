import { expect, GOOD_KEY, OTHER_KEY, test } from '../harness/fixtures'

/** Whether api.video (the fake) accepts a token. */
async function accepted(url: string, token: string): Promise<boolean> {
  const response = await fetch(`${url}/videos`, { headers: { Authorization: `Bearer ${token}` } })
  return response.status === 200
}

test.describe('with tokens that live an hour', () => {
  test('the tray lists every profile with its time left, and a click copies a token api.video accepts', async ({
    machine,
  }) => {
    await machine.withEngine(async (engine) => {
      await engine.add({ name: 'Acme', environment: machine.fake.url, apiKey: GOOD_KEY })
      await engine.add({ name: 'Globex', environment: machine.fake.url, apiKey: OTHER_KEY })
    })
    const app = await machine.launch()
    const host = new URL(machine.fake.url).host
    await expect
      .poll(async () => (await app.trayItems()).map((item) => item.label))
      .toEqual(
        expect.arrayContaining([
          `Acme · ${host} · 59 min left`,
          `Globex · ${host} · 59 min left`,
          'Open window',
          'Quit',
        ]),
      )
    expect(await app.trayTooltip()).not.toBe('')

    machine.fake.clearLog()
    await machine.setClipboardText('something the person copied before')
    await app.clickTray(/^Acme · /)
    await expect.poll(() => machine.clipboardText()).not.toBe('something the person copied before')
    const copied = await machine.clipboardText()
    expect(await accepted(machine.fake.url, copied)).toBe(true)
    // An hour-long token is well past the ten-minute minimum: no refresh was needed.
    expect(machine.fake.requestsTo('auth/refresh')).toHaveLength(0)

    await app.clickTray('More for Acme', 'Copy Authorization header')
    await expect.poll(() => machine.clipboardText()).toBe(`Authorization: Bearer ${copied}`)
  })
})

test.describe('with tokens that live fifty minutes and a fifty-minute minimum', () => {
  test.use({ fakeOptions: { accessTokenLifetimeSeconds: 50 * 60 } })

  test('a tray click refreshes first when the token has less than the configured minimum left', async ({
    machine,
  }) => {
    await machine.withEngine(async (engine) => {
      await engine.add({ name: 'Acme', environment: machine.fake.url, apiKey: GOOD_KEY })
      await engine.updateSettings({ minValidityMinutes: 50 })
    })
    const app = await machine.launch()
    await expect.poll(async () => (await app.trayItems())[0]?.label).toMatch(/^Acme · .* · 49 min left$/)
    const before = await app.window().then((page) =>
      page.evaluate(async () => {
        const api = (globalThis as unknown as { api: import('../../main/ipc/contract').Api }).api
        const listed = await api.profiles.list()
        return listed.ok ? (listed.value[0]?.session.expiresAt ?? 0) : 0
      }),
    )
    machine.fake.clearLog()
    await app.clickTray(/^Acme · /)
    await expect.poll(() => machine.clipboardText()).toMatch(/^eyJ/)
    expect(machine.fake.requestsTo('auth/refresh')).toHaveLength(1)
    const issued = machine.fake.requestsTo('auth/refresh')[0]?.issued?.accessToken
    expect(await machine.clipboardText()).toBe(issued)
    expect(await accepted(machine.fake.url, await machine.clipboardText())).toBe(true)
    const window = await app.window()
    await expect
      .poll(() =>
        window.evaluate(async () => {
          const api = (globalThis as unknown as { api: import('../../main/ipc/contract').Api }).api
          const listed = await api.profiles.list()
          return listed.ok ? (listed.value[0]?.session.expiresAt ?? 0) : 0
        }),
      )
      .toBeGreaterThan(before)
  })
})

test.describe('with twelve profiles in production, sandbox and on a custom base URL', () => {
  test.use({ officialHostsServedByFake: true })

  test('the tray groups them by environment, lists the one needing a sign-in first, and copies from a group', async ({
    machine,
  }) => {
    const places: readonly (readonly [string, readonly string[]])[] = [
      ['production', ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli']],
      ['sandbox', ['Acme staging', 'Globex staging', 'Initech staging', 'Legacy app']],
      [machine.fake.url, ['Local one', 'Local two', 'Local three']],
    ]
    await machine.withEngine(async (engine) => {
      for (const [environment, names] of places) {
        for (const name of names) await engine.add({ name, environment, apiKey: GOOD_KEY })
      }
    })
    const app = await machine.launch()
    const host = new URL(machine.fake.url).host
    const topLevel = async () => (await app.trayItems()).map((item) => item.label)
    await expect
      .poll(topLevel)
      .toEqual(['Production (5)', 'Sandbox (4)', `${host} (3)`, 'Open window', 'Quit'])

    machine.fake.revokeRefreshTokens()
    await app.clickTray('Sandbox (4)', 'More for Legacy app', 'Refresh now')
    await expect
      .poll(topLevel)
      .toEqual([
        'Needs attention',
        'Legacy app · sandbox · needs sign-in',
        'More for Legacy app',
        'Production (5)',
        'Sandbox (3)',
        `${host} (3)`,
        'Open window',
        'Quit',
      ])
    const lines = (await app.trayItems())
      .flatMap((item) => [item, ...item.submenu])
      .filter((item) => item.label.includes(' · '))
    expect(lines.map((line) => line.label.split(' · ')[0]).sort()).toEqual(
      places.flatMap(([, names]) => names).sort(),
    )
    expect(lines.find((line) => line.label.startsWith('Globex · '))?.label).toBe('Globex · 59 min left')

    await machine.setClipboardText('something the person copied before')
    await app.clickTray('Production (5)', /^Globex · /)
    await expect.poll(() => machine.clipboardText()).not.toBe('something the person copied before')
    const copied = await machine.clipboardText()
    expect(await accepted(machine.fake.url, copied)).toBe(true)

    await app.clickTray(`${host} (3)`, 'More for Local two', 'Copy token')
    await expect.poll(() => machine.clipboardText()).not.toBe(copied)
    expect(await accepted(machine.fake.url, await machine.clipboardText())).toBe(true)
  })
})
