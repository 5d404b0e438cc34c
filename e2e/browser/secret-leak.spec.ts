import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { GOOD_KEY, OTHER_KEY } from './host'

/**
 * The secret-leak scan: after a full scenario (three profiles, refreshes, copies, verifies, errors), no token
 * and no API key may appear in the data directory, in any log output, in the activity log, or in anything
 * the renderer received (page content and every IPC answer and event), except the answer to an explicit
 * reveal, which exists to show a token.
 */
test('no token or API key leaks anywhere but an explicit reveal', async ({ host }) => {
  const { page, fake } = host
  const logged: string[] = []
  page.on('console', (message) => logged.push(message.text()))
  page.on('pageerror', (error) => logged.push(error.message))
  const capture = (stream: NodeJS.WriteStream) => {
    const original = stream.write.bind(stream)
    stream.write = (chunk: unknown, ...rest: unknown[]) => {
      logged.push(String(chunk))
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest)
    }
    return () => void (stream.write = original)
  }
  const restoreOut = capture(process.stdout)
  const restoreErr = capture(process.stderr)
  await page.clock.install()

  try {
    await host.open()
    // Three profiles through the UI, one after a wrong key.
    for (const [name, key] of [
      ['Acme', GOOD_KEY],
      ['Beta', OTHER_KEY],
      ['Gamma', GOOD_KEY],
    ] as const) {
      await page.getByRole('button', { name: 'Add profile' }).first().click()
      const dialog = page.getByRole('dialog', { name: 'Add a profile' })
      await dialog.getByLabel('Name').fill(name)
      await dialog.getByLabel('Custom base URL').check()
      await dialog.getByRole('textbox', { name: 'Base URL' }).fill(fake.url)
      if (name === 'Acme') {
        await dialog.getByRole('textbox', { name: 'API key' }).fill('wrong-key-never-valid')
        await dialog.getByRole('button', { name: 'Add profile' }).click()
        await expect(dialog.getByRole('alert')).toBeVisible()
      }
      await dialog.getByRole('textbox', { name: 'API key' }).fill(key)
      await dialog.getByRole('button', { name: 'Add profile' }).click()
      await expect(dialog).toBeHidden()
    }

    for (const name of ['Acme', 'Beta', 'Gamma']) {
      const card = page.getByRole('article', { name })
      await card.getByRole('button', { name: 'Refresh' }).click()
      await expect(card.getByRole('button', { name: 'Refresh' })).toBeEnabled()
      for (const format of ['token', 'header', 'curl', 'export']) {
        await card.getByLabel(`What to copy for ${name}`).selectOption(format)
        await card.getByRole('button', { name: 'Copy', exact: true }).click()
      }
      await card.getByRole('button', { name: 'Verify' }).click()
      await expect(card.getByText(/Works · \d+ ms/)).toBeVisible()
    }
    // Errors: a failing refresh and a failing verify.
    fake.inject('auth/refresh', { kind: 'status', status: 503, body: '' })
    await page.getByRole('article', { name: 'Beta' }).getByRole('button', { name: 'Refresh' }).click()
    await expect(
      page
        .getByRole('article', { name: 'Beta' })
        .getByText(/HTTP 503/)
        .first(),
    ).toBeVisible()
    fake.inject('videos', { kind: 'status', status: 401, body: '{"title":"no","status":401}' })
    await page.getByRole('article', { name: 'Gamma' }).getByRole('button', { name: 'Verify' }).click()
    await expect(
      page.getByRole('article', { name: 'Gamma' }).getByText(/rejected the access token/),
    ).toBeVisible()
    // A reveal, masked again afterwards.
    const acme = page.getByRole('article', { name: 'Acme' })
    await acme.getByRole('button', { name: 'Reveal' }).click()
    await expect(acme.getByTestId('revealed-token')).toBeVisible()
    await page.clock.fastForward(31_000)
    await expect(acme.getByTestId('revealed-token')).toBeHidden()
    await page.getByRole('button', { name: 'Activity' }).click()
    await expect(page.getByRole('dialog', { name: 'Activity' })).toBeVisible()
  } finally {
    restoreOut()
    restoreErr()
  }

  const secrets = new Set<string>([GOOD_KEY, OTHER_KEY, 'wrong-key-never-valid'])
  for (const request of fake.requests) {
    for (const secret of [
      request.apiKey,
      request.refreshToken,
      request.bearer,
      request.issued?.accessToken,
      request.issued?.refreshToken,
    ]) {
      if (secret !== undefined) secrets.add(secret)
    }
  }
  expect(secrets.size).toBe(15) // three API keys, and two tokens from each of 3 sign-ins and 3 refreshes
  expect(host.clipboard.length).toBe(12) // the tokens did reach the clipboard port, where they belong

  const files = readdirSync(host.dataDir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(host.dataDir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ where: path, text: readFileSync(path, 'utf8') }))
  const answers = host.received.flatMap((item) =>
    'answer' in item
      ? item.answer === 'profiles:reveal'
        ? []
        : [{ where: `answer to ${item.answer}`, text: JSON.stringify(item.envelope) }]
      : [{ where: `event ${item.event.type}`, text: JSON.stringify(item.event) }],
  )
  const haystacks = [
    ...files,
    ...answers,
    { where: 'log output', text: logged.join('\n') },
    { where: 'activity log', text: JSON.stringify(host.service.activity()) },
    { where: 'page content', text: await page.content() },
  ]
  expect(answers.length).toBeGreaterThan(50)
  expect(files.length).toBeGreaterThan(0)
  const hits = haystacks.flatMap(({ where, text }) =>
    [...secrets].filter((secret) => text.includes(secret)).map((secret) => `${where}: …${secret.slice(-12)}`),
  )
  expect(hits).toEqual([])
})
