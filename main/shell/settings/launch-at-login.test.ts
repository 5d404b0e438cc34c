import { describe, expect, it, vi } from 'vitest'
import {
  applyLaunchAtLogin,
  autostartEntry,
  autostartPath,
  execArgument,
  startsHidden,
  type LaunchAtLoginDeps,
} from './launch-at-login'

describe('autostartEntry', () => {
  it('is an XDG desktop entry starting the app hidden', () => {
    expect(
      autostartEntry({ name: 'api.video Credential Manager', executable: '/opt/avcm/avcm', args: [] }),
    ).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=api.video Credential Manager',
        'Comment=Keeps api.video access tokens fresh',
        'Exec=/opt/avcm/avcm --hidden',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    )
  })

  it('quotes and escapes arguments as the Desktop Entry Specification says', () => {
    expect(execArgument('/home/ada/Applications/avcm.AppImage')).toBe('/home/ada/Applications/avcm.AppImage')
    expect(execArgument('/home/ada/My Apps/avcm')).toBe('"/home/ada/My Apps/avcm"')
    expect(execArgument('/tmp/50%/a')).toBe('/tmp/50%%/a')
    expect(execArgument('/tmp/$HOME "x"')).toBe('"/tmp/\\\\$HOME \\\\"x\\\\""')
    expect(execArgument('')).toBe('""')
    expect(() => execArgument('a\nb')).toThrow(RangeError)
  })
})

describe('autostartPath', () => {
  it('is under XDG_CONFIG_HOME, or ~/.config', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: '/x/config' }, '/home/ada')).toBe(
      '/x/config/autostart/api.video-credential-manager.desktop',
    )
    expect(autostartPath({}, '/home/ada')).toBe(
      '/home/ada/.config/autostart/api.video-credential-manager.desktop',
    )
  })
})

describe('startsHidden', () => {
  it('is true when started at login', () => {
    expect(startsHidden(['/opt/avcm/avcm', '--hidden'], false)).toBe(true)
    expect(startsHidden(['/opt/avcm/avcm'], true)).toBe(true)
    expect(startsHidden(['/opt/avcm/avcm'], false)).toBe(false)
  })
})

describe('applyLaunchAtLogin', () => {
  function deps(platform: NodeJS.Platform, packaged = true) {
    const files = new Map<string, string>()
    const d = {
      platform,
      packaged,
      app: { setLoginItemSettings: vi.fn() },
      name: 'api.video Credential Manager',
      executable: '/opt/avcm/avcm',
      autostartFile: '/home/ada/.config/autostart/avcm.desktop',
      writeFile: (path: string, content: string) => Promise.resolve(void files.set(path, content)),
      removeFile: (path: string) => Promise.resolve(void files.delete(path)),
    } satisfies LaunchAtLoginDeps
    return { d, files }
  }

  it.each(['darwin', 'win32'] as const)('uses Electron’s login items on %s', async (platform) => {
    const { d, files } = deps(platform)
    await applyLaunchAtLogin(true, d)
    expect(d.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: ['--hidden'] })
    await applyLaunchAtLogin(false, d)
    expect(d.app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false, args: ['--hidden'] })
    expect(files.size).toBe(0)
  })

  it('writes and removes an XDG autostart entry on Linux', async () => {
    const { d, files } = deps('linux')
    await applyLaunchAtLogin(true, d)
    expect(files.get(d.autostartFile)).toContain('Exec=/opt/avcm/avcm --hidden')
    await applyLaunchAtLogin(false, d)
    expect(files.has(d.autostartFile)).toBe(false)
    expect(d.app.setLoginItemSettings).not.toHaveBeenCalled()
  })

  it('leaves the system alone in an unpackaged build', async () => {
    const { d, files } = deps('linux', false)
    await applyLaunchAtLogin(true, d)
    expect(files.size).toBe(0)
  })
})
