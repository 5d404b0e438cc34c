import { describe, expect, it } from 'vitest'
import { userDataPath } from './user-data'

describe('userDataPath', () => {
  it('shares avcm’s data directory unless --user-data-dir is given', () => {
    const paths = {
      electronPath: '/tmp/e2e-user-data',
      sharedDataDir: '/home/ada/.config/api.video Credential Manager',
    }
    expect(userDataPath({ ...paths, hasUserDataSwitch: false })).toBe(paths.sharedDataDir)
    expect(userDataPath({ ...paths, hasUserDataSwitch: true })).toBe(paths.electronPath)
  })
})
