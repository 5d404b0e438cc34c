import { describe, expect, it, vi } from 'vitest'
import { AppError } from '../core/errors'
import { CHANNELS, apiPath } from './contract'
import { createDispatch, type Handlers } from './dispatch'

/** Handlers that echo their request, so a test sees exactly what validation let through. */
function echoHandlers(): Handlers {
  return Object.fromEntries(
    CHANNELS.map((channel) => [channel, (request: unknown) => Promise.resolve(request)]),
  ) as unknown as Handlers
}

describe('createDispatch', () => {
  it('passes a valid request to its handler and wraps the answer', async () => {
    const dispatch = createDispatch(echoHandlers())
    await expect(dispatch('profiles:refresh', { id: 'abc' })).resolves.toEqual({
      ok: true,
      value: { id: 'abc' },
    })
    await expect(dispatch('profiles:list', undefined)).resolves.toEqual({ ok: true, value: undefined })
  })

  it.each([
    ['an unknown channel', 'profiles:steal', {}, /Unknown channel "profiles:steal"/],
    ['a prototype key as channel', '__proto__', {}, /Unknown channel/],
    ['a missing field', 'profiles:refresh', {}, /Invalid request for profiles:refresh \(at id\)/],
    ['a wrong type', 'profiles:refresh', { id: 42 }, /at id/],
    ['an extra field', 'profiles:refresh', { id: 'a', admin: true }, /Invalid request for profiles:refresh/],
    ['a payload where none is taken', 'profiles:list', { id: 'a' }, /Invalid request for profiles:list/],
    ['a huge string', 'profiles:rename', { id: 'a', name: 'x'.repeat(10_000) }, /at name/],
    ['an unknown copy format', 'profiles:copy', { id: 'a', format: 'html' }, /at format/],
    ['an unknown setting', 'settings:update', { colour: 'red' }, /settings:update/],
    ['a setting out of range', 'settings:update', { autoRefreshLeadMinutes: 99 }, /autoRefreshLeadMinutes/],
  ])('refuses %s', async (_name, channel, payload, message) => {
    const handlers = echoHandlers()
    const spy = vi.fn()
    const dispatch = createDispatch(
      new Proxy(handlers, { get: (target, key) => (spy(key), Reflect.get(target, key) as unknown) }),
    )
    const result = await dispatch(channel, payload)
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })
    expect(result.ok ? '' : result.error.message).toMatch(message)
    expect(spy).not.toHaveBeenCalled()
  })

  it('refuses a JSON payload carrying __proto__', async () => {
    const dispatch = createDispatch(echoHandlers())
    const payload: unknown = JSON.parse('{"id":"a","__proto__":{"admin":true}}')
    await expect(dispatch('profiles:refresh', payload)).resolves.toMatchObject({ ok: false })
  })

  it('sends the app’s errors as {kind, message}, and hides anything else', async () => {
    const unexpected = vi.fn()
    const dispatch = createDispatch(
      {
        ...echoHandlers(),
        'profiles:refresh': () => Promise.reject(new AppError('network', 'Could not reach ws.api.video.')),
        'profiles:verify': () => Promise.reject(new TypeError('secret internals at /home/ada/file.ts:12')),
      },
      unexpected,
    )
    await expect(dispatch('profiles:refresh', { id: 'a' })).resolves.toEqual({
      ok: false,
      error: { kind: 'network', message: 'Could not reach ws.api.video.' },
    })
    const hidden = await dispatch('profiles:verify', { id: 'a' })
    expect(hidden).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'Something went wrong inside the app; the details were logged.' },
    })
    expect(unexpected).toHaveBeenCalledOnce()
  })
})

describe('apiPath', () => {
  it('lays channels out as window.api.<domain>.<camelCase action>', () => {
    expect(apiPath('profiles:sign-in')).toEqual(['profiles', 'signIn'])
    expect(apiPath('app:state')).toEqual(['app', 'state'])
  })

  it('gives every channel its own function', () => {
    const paths = CHANNELS.map((channel) => apiPath(channel).join('.'))
    expect(new Set(paths).size).toBe(CHANNELS.length)
    expect(paths).not.toContain('events.subscribe')
  })
})
