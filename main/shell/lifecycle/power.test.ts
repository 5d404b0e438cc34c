import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { watchPower } from './power'

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
