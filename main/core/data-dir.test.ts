import { describe, expect, it } from 'vitest'
import { defaultDataDir } from './data-dir'

const NAME = 'api.video Credential Manager'

describe('defaultDataDir: Electron’s userData path, computed without Electron', () => {
  it.each([
    ['linux', {}, `/home/ada/.config/${NAME}`],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, `/xdg/${NAME}`],
    ['darwin', {}, `/home/ada/Library/Application Support/${NAME}`],
    ['win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, `C:\\Users\\ada\\AppData\\Roaming/${NAME}`],
  ] as const)('%s %j', (platform, env, expected) => {
    expect(defaultDataDir({ platform, env, home: '/home/ada' })).toBe(expected)
  })

  it('lets AVCM_DATA_DIR override it', () => {
    expect(defaultDataDir({ platform: 'linux', env: { AVCM_DATA_DIR: '/tmp/x' }, home: '/home/ada' })).toBe(
      '/tmp/x',
    )
  })
})
