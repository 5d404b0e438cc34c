import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DRIVER, expect, test } from '../harness/fixtures'

test.describe('the installed app', () => {
  test.skip(
    DRIVER === 'electron',
    'the Electron driver runs the unpackaged build; only the stand-ins can start the app as installed',
  )

  test('launch at login, turned on in Settings, starts the app hidden in the tray at the next login', async ({
    machine,
  }) => {
    await machine.addProfile('Acme')
    const app = await machine.launch({ packaged: true })
    const page = await app.window()
    await page.getByRole('button', { name: 'Settings' }).click()
    const toggle = page.getByRole('dialog', { name: 'Settings' }).getByLabel('Start at login, in the tray')
    await toggle.check()
    const entry = join(machine.home, '.config/autostart/api.video-credential-manager.desktop')
    await expect.poll(() => existsSync(entry)).toBe(true)
    const exec = /^Exec=(.*)$/m.exec(readFileSync(entry, 'utf8'))?.[1] ?? ''
    const args = exec.split(' ').slice(1)
    expect(args).toEqual(['--hidden'])
    await app.quit()

    // The next login: the system runs the entry's command line.
    const atLogin = await machine.launch({ packaged: true, args })
    await expect.poll(async () => (await atLogin.trayItems())[0]?.label).toMatch(/^Acme · .* · 59 min left$/)
    expect(await atLogin.windowShown()).toBe(false)

    // Turning it off again removes the entry.
    await atLogin.clickTray('Open window')
    const again = await atLogin.window()
    await again.getByRole('button', { name: 'Settings' }).click()
    await again.getByRole('dialog', { name: 'Settings' }).getByLabel('Start at login, in the tray').uncheck()
    await expect.poll(() => existsSync(entry)).toBe(false)
  })

  test('refuses to start with a remote-debugging switch, and says why', async ({ machine }) => {
    await machine.addProfile('Acme')
    machine.fake.clearLog()
    const app = await machine.launch({ packaged: true, args: ['--remote-debugging-port=9222'] })
    expect(await app.ended()).toEqual({ how: 'exit', code: 1 })
    expect(app.saidOnStderr().join('')).toMatch(/will not start with --remote-debugging-port/)
    await expect(app.window()).rejects.toThrow('the app has no window')
    expect(machine.fake.requests).toHaveLength(0)
  })
})
