import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS_FOR_TESTS, fakeApi, profileView } from '../testing/fake-api'
import { AppStore } from './app-store.svelte'

describe('AppStore', () => {
  it('loads everything, then follows main’s events', async () => {
    const acme = profileView()
    const store = new AppStore(
      fakeApi({
        profiles: { list: () => Promise.resolve({ ok: true, value: [acme] }) },
        settings: { get: () => Promise.resolve({ ok: true, value: DEFAULT_SETTINGS_FOR_TESTS }) },
        activity: { list: () => Promise.resolve({ ok: true, value: [] }) },
        app: {
          state: () =>
            Promise.resolve({
              ok: true,
              value: {
                version: '1',
                platform: 'linux',
                problems: [],
                shortcutError: null,
                demoRunning: false,
                endpoints: {},
              },
            }),
        },
      }),
    )
    await store.load()
    expect(store.loaded).toBe(true)
    expect(store.profiles).toEqual([acme])

    const refreshed = profileView({ session: { ...acme.session, status: 'refreshing' } })
    store.apply({ type: 'profile', profile: refreshed })
    expect(store.profiles[0]?.session.status).toBe('refreshing')
    store.apply({ type: 'problems', problems: [{ kind: 'keychain-unavailable', message: 'Locked.' }] })
    expect(store.app?.problems).toEqual([{ kind: 'keychain-unavailable', message: 'Locked.' }])
    store.apply({ type: 'navigate', profileId: 'p1' })
    expect(store.highlighted).toBe('p1')
    store.apply({ type: 'profiles', profiles: [] })
    expect(store.profiles).toEqual([])
  })

  it('shows a local endpoint as soon as starting it answered, and as main says afterwards', () => {
    const store = new AppStore(fakeApi({}))
    store.setEndpoint('p1', 'http://127.0.0.1:1/early/')
    expect(store.app).toBeUndefined()
    const state = {
      version: '1',
      platform: 'linux',
      problems: [],
      shortcutError: null,
      demoRunning: false,
      endpoints: {},
    }
    store.apply({ type: 'app', state })
    store.setEndpoint('p1', 'http://127.0.0.1:49152/s1/')
    store.setEndpoint('p2', 'http://127.0.0.1:49153/s2/')
    expect(store.app?.endpoints).toEqual({
      p1: 'http://127.0.0.1:49152/s1/',
      p2: 'http://127.0.0.1:49153/s2/',
    })
    store.setEndpoint('p1', undefined)
    expect(store.app?.endpoints).toEqual({ p2: 'http://127.0.0.1:49153/s2/' })
    expect(store.app?.version).toBe('1')
    store.apply({ type: 'app', state: { ...state, endpoints: {} } })
    expect(store.app?.endpoints).toEqual({})
  })

  it('keeps the activity log bounded', () => {
    const store = new AppStore(fakeApi({}))
    for (let id = 1; id <= 250; id += 1) {
      store.apply({
        type: 'activity',
        entry: { id, at: id, profileId: 'p1', profileName: 'Acme', kind: 'copied', detail: 'Copied' },
      })
    }
    expect(store.activity).toHaveLength(200)
    expect(store.activity[0]?.id).toBe(51)
  })
})
