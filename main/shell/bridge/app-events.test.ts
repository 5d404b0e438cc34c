import { describe, expect, it, vi } from 'vitest'
import type { AppEvent, AppState } from '../../ipc/contract'
import { AppEventBridge } from './app-events'
import { profileView } from '../../testing/profile-fixtures'

describe('AppEventBridge', () => {
  const state = (problems: AppState['problems']): AppState => ({
    version: '0.1.0',
    platform: 'linux',
    problems,
    shortcutError: null,
    demoRunning: false,
    endpoints: {},
  })

  it('forwards every service event as is, and the app state only when it changed', () => {
    const sent: AppEvent[] = []
    let current = state([])
    const bridge = new AppEventBridge(
      (event) => sent.push(event),
      () => current,
    )
    const profile = { type: 'profile', profile: profileView({ name: 'acme' }) } as const
    bridge.forward(profile)
    bridge.forward(profile)
    expect(sent).toEqual([profile, { type: 'app', state: current }, profile])
    current = state([{ kind: 'keychain-unavailable', message: 'locked' }])
    bridge.forward({ type: 'problems', problems: current.problems })
    expect(sent.at(-1)).toEqual({ type: 'app', state: current })
  })

  it('publishes app state changes that come from outside the engine, navigation and the palette', () => {
    const send = vi.fn()
    let current = state([])
    const bridge = new AppEventBridge(send, () => current)
    bridge.publishAppState()
    bridge.publishAppState()
    current = { ...current, shortcutError: 'Alt+T is already used.' }
    bridge.publishAppState()
    bridge.navigate('p1')
    bridge.openPalette()
    expect(send.mock.calls).toEqual([
      [{ type: 'app', state: state([]) }],
      [{ type: 'app', state: current }],
      [{ type: 'navigate', profileId: 'p1' }],
      [{ type: 'open-palette' }],
    ])
  })
})
