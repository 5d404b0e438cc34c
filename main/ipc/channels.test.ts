import { describe, expect, it } from 'vitest'
import { CHANNELS, EVENT_CHANNEL } from './channels'
import { contract } from './contract'

describe('the channel list', () => {
  it('is exactly the contract’s channels, in its order (the compiler checks the set, this the order)', () => {
    expect(Object.keys(contract)).toEqual([...CHANNELS])
  })

  it('names each channel once, domain:action, and keeps the event channel apart', () => {
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length)
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/)
    expect(CHANNELS).not.toContain(EVENT_CHANNEL)
  })
})
