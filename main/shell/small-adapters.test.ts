import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { watchPower } from './power'
import { userDataPath } from './user-data'

describe('watchPower', () => {
  it('makes sessions check at once after resume and after unlocking the screen', () => {
    const powerMonitor = new EventEmitter()
    const onWake = vi.fn()
    watchPower(powerMonitor, onWake)
    powerMonitor.emit('suspend')
    expect(onWake).not.toHaveBeenCalled()
    powerMonitor.emit('resume')
    powerMonitor.emit('unlock-screen')
    expect(onWake).toHaveBeenCalledTimes(2)
  })
})

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
