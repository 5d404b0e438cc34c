import { describe, expect, it, vi } from 'vitest'
import { CHANNELS, EVENT_CHANNEL, apiPath } from '../main/ipc/channels'
import type { AppEvent } from '../main/ipc/contract'
import { buildApi, type IpcBridge, type IpcListener } from './build-api'

/** ipcRenderer reduced to invoke and a listener table, with a way for "main" to push an event. */
function fakeIpc() {
  const listeners = new Map<string, Set<IpcListener>>()
  const bridge = {
    invoke: vi.fn((channel: string, request: unknown): Promise<unknown> =>
      Promise.resolve({ ok: true, value: { channel, request } }),
    ),
    on: (channel: string, listener: IpcListener) => {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
    },
    off: (channel: string, listener: IpcListener) => void listeners.get(channel)?.delete(listener),
  } satisfies IpcBridge
  const push = (payload: unknown) => {
    for (const listener of listeners.get(EVENT_CHANNEL) ?? []) listener({ sender: 'ipcRenderer' }, payload)
  }
  return { bridge, listeners, push }
}

describe('buildApi', () => {
  it('has one function per contract channel, invoking that channel and returning the envelope as is', async () => {
    const { bridge } = fakeIpc()
    const api = buildApi(bridge) as unknown as Record<
      string,
      Record<string, (r?: unknown) => Promise<unknown>>
    >
    for (const channel of CHANNELS) {
      const [domain, name] = apiPath(channel)
      const operation = api[domain]?.[name]
      expect(operation, `${domain}.${name}`).toBeTypeOf('function')
      await expect(operation?.({ id: 'x' })).resolves.toEqual({
        ok: true,
        value: { channel, request: { id: 'x' } },
      })
    }
    expect(bridge.invoke).toHaveBeenCalledTimes(CHANNELS.length)
  })

  it('sends no request for operations that take none, and passes errors through untouched', async () => {
    const { bridge } = fakeIpc()
    const api = buildApi(bridge)
    await api.profiles.list()
    expect(bridge.invoke).toHaveBeenLastCalledWith('profiles:list', undefined)
    const refused = { ok: false, error: { kind: 'invalid-request', message: 'no' } }
    bridge.invoke.mockResolvedValueOnce(refused)
    await expect(api.profiles.refresh({ id: 'a' })).resolves.toBe(refused)
    await api.profiles.signIn({ id: 'a', apiKey: 'k' })
    expect(bridge.invoke).toHaveBeenLastCalledWith('profiles:sign-in', { id: 'a', apiKey: 'k' })
  })

  it('delivers events without the IPC event object, and unsubscribing really removes the listener', () => {
    const { bridge, listeners, push } = fakeIpc()
    const api = buildApi(bridge)
    const first = vi.fn()
    const second = vi.fn()
    const stopFirst = api.events.subscribe(first)
    api.events.subscribe(second)
    const event: AppEvent = { type: 'navigate', profileId: 'p1' }
    push(event)
    expect(first).toHaveBeenCalledExactlyOnceWith(event)
    stopFirst()
    stopFirst()
    push(event)
    expect(first).toHaveBeenCalledOnce()
    expect(second).toHaveBeenCalledTimes(2)
    expect(listeners.get(EVENT_CHANNEL)?.size).toBe(1)
  })

  it('exposes nothing but the operations and events: no ipcRenderer, no send, frozen', () => {
    const { bridge } = fakeIpc()
    const api = buildApi(bridge)
    const domains = [...new Set(CHANNELS.map((channel) => apiPath(channel)[0]))]
    expect(Object.keys(api).sort()).toEqual([...domains, 'events'].sort())
    expect(JSON.stringify(Object.keys(api.events))).toBe('["subscribe"]')
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.isFrozen(api.profiles)).toBe(true)
  })
})
