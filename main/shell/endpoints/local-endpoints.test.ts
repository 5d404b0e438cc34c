import { describe, expect, it, vi } from 'vitest'
import type { ProxyOptions, RunningProxy } from '../../core/proxy/proxy'
import type { ProfileView, ServiceEvent } from '../../core/service/types'
import { AppError } from '../../core/errors'
import {
  ENDPOINT_TOKEN_MIN_VALIDITY_SECONDS,
  EndpointNotRunningError,
  EndpointStoppedError,
  EndpointsClosedError,
  EndpointUpstreamChangedError,
  LocalEndpoints,
  type EndpointService,
  type StartProxy,
} from './local-endpoints'
import { profileView } from '../../testing/profile-fixtures'

/** A proxy started by the fake `startProxy`: what it was given, and whether it was closed. */
interface FakeProxy extends RunningProxy {
  readonly options: ProxyOptions
  readonly close: ReturnType<typeof vi.fn<() => Promise<void>>>
}

/** A `startProxy` whose starts the test settles (`hold`), or that answer at once. */
function fakeStartProxy() {
  const started: FakeProxy[] = []
  let port = 49_152
  let held: { resolve: () => void; reject: (error: unknown) => void } | undefined
  let holdNext = false
  const startProxy: StartProxy = async (options) => {
    if (holdNext) {
      holdNext = false
      await new Promise<void>((resolve, reject) => (held = { resolve, reject }))
    }
    port += 1
    const proxy: FakeProxy = {
      options,
      url: `http://127.0.0.1:${port}/secret-${port}/`,
      port,
      close: vi.fn(() => Promise.resolve()),
    }
    started.push(proxy)
    return proxy
  }
  return {
    startProxy: vi.fn(startProxy),
    started,
    /** The next start waits for {@link release} or {@link fail}. */
    hold: () => void (holdNext = true),
    release: () => held?.resolve(),
    fail: (error: unknown) => held?.reject(error),
  }
}

function setup(profiles: ProfileView[] = [profileView({ name: 'acme' }), profileView({ name: 'globex' })]) {
  let current = profiles
  const listeners = new Set<(event: ServiceEvent) => void>()
  const find = (reference: string): ProfileView => {
    const found = current.find((p) => p.id === reference)
    if (found === undefined) throw new AppError('profile-not-found', 'No such profile.')
    return found
  }
  const service = {
    find: vi.fn(find),
    assertUsable: vi.fn<(reference: string) => void>(() => undefined),
    getToken: vi.fn<EndpointService['getToken']>(() =>
      Promise.resolve({ accessToken: 'eyJ-token', expiresAt: Date.now() + 3_600_000 }),
    ),
    refresh: vi.fn((reference: string) => Promise.resolve(find(reference))),
    subscribe: vi.fn((listener: (event: ServiceEvent) => void) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    }),
  }
  const proxies = fakeStartProxy()
  const onChange = vi.fn()
  const onError = vi.fn()
  const endpoints = new LocalEndpoints({
    service,
    startProxy: proxies.startProxy,
    onChange,
    onError,
  })
  const emit = (event: ServiceEvent): void => {
    for (const listener of listeners) listener(event)
  }
  const setProfiles = (next: ProfileView[]): void => {
    current = next
    emit({ type: 'profiles', profiles: next })
  }
  const [acme, globex] = profiles as [ProfileView, ProfileView]
  return { endpoints, service, proxies, onChange, onError, emit, setProfiles, listeners, acme, globex }
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('LocalEndpoints', () => {
  it('starts one endpoint per profile, forwarding to its base URL, and lists it', async () => {
    const { endpoints, proxies, onChange, acme } = setup()
    const url = await endpoints.start(acme.id)
    expect(proxies.startProxy).toHaveBeenCalledOnce()
    expect(proxies.started[0]?.options.upstream).toBe(acme.baseUrl)
    expect(url).toBe(proxies.started[0]?.url)
    expect(endpoints.urlOf(acme.id)).toBe(url)
    expect(endpoints.running()).toEqual({ [acme.id]: url })
    expect(onChange).toHaveBeenCalledOnce()
    // A second start finds it running.
    await expect(endpoints.start(acme.id)).resolves.toBe(url)
    expect(proxies.startProxy).toHaveBeenCalledOnce()
  })

  it('binds to the proxy’s defaults: loopback, a port of its choosing, no origin allowed, no log', async () => {
    const { endpoints, proxies, acme } = setup()
    await endpoints.start(acme.id)
    const { options } = proxies.started[0] ?? { options: {} }
    expect(Object.keys(options).sort()).toEqual(['token', 'upstream'])
  })

  it('starts a profile once however many ask at the same time', async () => {
    const { endpoints, proxies, acme } = setup()
    proxies.hold()
    const first = endpoints.start(acme.id)
    const second = endpoints.start(acme.id)
    await settle()
    proxies.release()
    const urls = await Promise.all([first, second])
    expect(proxies.startProxy).toHaveBeenCalledOnce()
    expect(urls[0]).toBe(urls[1])
  })

  it('hands the proxy a token valid for a minute, and refreshes first after api.video refused one', async () => {
    const { endpoints, proxies, service, acme } = setup()
    await endpoints.start(acme.id)
    const token = proxies.started[0]?.options.token ?? (() => Promise.reject(new Error('no proxy')))
    await expect(token(false)).resolves.toBe('eyJ-token')
    expect(service.getToken).toHaveBeenNthCalledWith(1, acme.id, {
      minValiditySeconds: ENDPOINT_TOKEN_MIN_VALIDITY_SECONDS,
      purpose: 'proxy',
    })
    expect(service.refresh).not.toHaveBeenCalled()
    await expect(token(true)).resolves.toBe('eyJ-token')
    expect(service.refresh).toHaveBeenCalledExactlyOnceWith(acme.id)
    expect(service.refresh.mock.invocationCallOrder[0]).toBeLessThan(
      service.getToken.mock.invocationCallOrder.at(-1) ?? 0,
    )
  })

  it('asks for every request’s token as the endpoint’s, so the engine records each token it lends once', async () => {
    const { endpoints, proxies, service, acme } = setup()
    await endpoints.start(acme.id)
    const token = proxies.started[0]?.options.token ?? (() => Promise.reject(new Error('no proxy')))
    await token(false)
    await token(false)
    await expect(token(true)).resolves.toBe('eyJ-token')
    expect(service.getToken.mock.calls.map(([, options]) => options?.purpose)).toEqual([
      'proxy',
      'proxy',
      'proxy',
    ])
  })

  it.each(['needs-sign-in', 'signed-out'] as const)(
    'refuses to start for a profile that is %s, and starts nothing',
    async (status) => {
      const { endpoints, proxies } = setup([profileView({ name: 'acme' }, { status })])
      await expect(endpoints.start('id-acme')).rejects.toMatchObject({
        kind: 'needs-sign-in',
        message: 'Sign in to acme again before starting its local endpoint.',
      })
      expect(proxies.startProxy).not.toHaveBeenCalled()
      expect(endpoints.running()).toEqual({})
    },
  )

  it('refuses a profile whose stored base URL the app refuses, and an unknown one', async () => {
    const { endpoints, proxies, service, acme } = setup()
    service.assertUsable.mockImplementationOnce(() => {
      throw new AppError('base-url-not-allowed', 'Refused base URL.')
    })
    await expect(endpoints.start(acme.id)).rejects.toMatchObject({ kind: 'base-url-not-allowed' })
    await expect(endpoints.start('nobody')).rejects.toMatchObject({ kind: 'profile-not-found' })
    expect(proxies.startProxy).not.toHaveBeenCalled()
  })

  it('reports a proxy that could not start, keeps nothing, and lets the person try again', async () => {
    const { endpoints, proxies, onChange, acme } = setup()
    proxies.hold()
    const failing = endpoints.start(acme.id)
    await settle()
    proxies.fail(new AppError('port-in-use', 'Port 8080 is in use.'))
    await expect(failing).rejects.toMatchObject({ kind: 'port-in-use' })
    expect(endpoints.running()).toEqual({})
    expect(onChange).not.toHaveBeenCalled()
    await expect(endpoints.start(acme.id)).resolves.toMatch(/^http:\/\/127\.0\.0\.1:/)
  })

  it('stops an endpoint: closed, no longer listed, its URL no longer given', async () => {
    const { endpoints, proxies, onChange, acme, globex } = setup()
    await endpoints.start(acme.id)
    const other = await endpoints.start(globex.id)
    onChange.mockClear()
    await endpoints.stop(acme.id)
    expect(proxies.started[0]?.close).toHaveBeenCalledOnce()
    expect(endpoints.running()).toEqual({ [globex.id]: other })
    expect(() => endpoints.urlOf(acme.id)).toThrow(EndpointNotRunningError)
    expect(onChange).toHaveBeenCalledOnce()
    await endpoints.stop(acme.id)
    expect(proxies.started[0]?.close).toHaveBeenCalledOnce()
  })

  it('a new start after a stop gets a new URL', async () => {
    const { endpoints, acme } = setup()
    const first = await endpoints.start(acme.id)
    await endpoints.stop(acme.id)
    expect(await endpoints.start(acme.id)).not.toBe(first)
  })

  it('stopped while starting: the start is refused and the proxy closed once it is up', async () => {
    const { endpoints, proxies, acme } = setup()
    proxies.hold()
    const starting = endpoints.start(acme.id)
    await settle()
    const stopping = endpoints.stop(acme.id)
    proxies.release()
    await expect(starting).rejects.toBeInstanceOf(EndpointStoppedError)
    await stopping
    expect(proxies.started[0]?.close).toHaveBeenCalledOnce()
    expect(endpoints.running()).toEqual({})
  })

  it('stops the endpoint of a removed profile, here or by another process', async () => {
    const { endpoints, proxies, setProfiles, acme, globex } = setup()
    await endpoints.start(acme.id)
    const kept = await endpoints.start(globex.id)
    setProfiles([globex])
    await settle()
    expect(proxies.started[0]?.close).toHaveBeenCalledOnce()
    expect(endpoints.running()).toEqual({ [globex.id]: kept })
  })

  it('keeps it through a rename, stops it when the profile points at another base URL', async () => {
    const { endpoints, proxies, setProfiles, emit, acme, globex } = setup()
    const url = await endpoints.start(acme.id)
    setProfiles([{ ...acme, name: 'Acme Corp' }, globex])
    emit({ type: 'profile', profile: { ...acme, name: 'Acme Corp' } })
    await settle()
    expect(endpoints.running()).toEqual({ [acme.id]: url })
    emit({ type: 'profile', profile: { ...acme, baseUrl: 'https://elsewhere.example' } })
    await settle()
    expect(proxies.started[0]?.close).toHaveBeenCalledOnce()
    expect(endpoints.running()).toEqual({})
  })

  it('never hands a token for a profile that now points elsewhere, even before it is stopped', async () => {
    const { endpoints, proxies, service, acme } = setup()
    await endpoints.start(acme.id)
    service.find.mockReturnValue({ ...acme, baseUrl: 'https://elsewhere.example' })
    const token = proxies.started[0]?.options.token ?? (() => Promise.resolve(''))
    await expect(token(false)).rejects.toBeInstanceOf(EndpointUpstreamChangedError)
    await expect(token(true)).rejects.toBeInstanceOf(EndpointUpstreamChangedError)
    expect(service.getToken).not.toHaveBeenCalled()
    expect(service.refresh).not.toHaveBeenCalled()
  })

  it('at quit stops every endpoint, then refuses starts and tokens', async () => {
    const { endpoints, proxies, service, onChange, listeners, acme, globex } = setup()
    await endpoints.start(acme.id)
    await endpoints.start(globex.id)
    const token = proxies.started[0]?.options.token ?? (() => Promise.resolve(''))
    onChange.mockClear()
    const stopping = endpoints.stopAll()
    // At once, before any proxy has finished closing.
    expect(endpoints.running()).toEqual({})
    expect(onChange).toHaveBeenCalledOnce()
    await expect(token(false)).rejects.toBeInstanceOf(EndpointsClosedError)
    await expect(endpoints.start(acme.id)).rejects.toBeInstanceOf(EndpointsClosedError)
    expect(endpoints.stopAll()).toBe(stopping)
    await stopping
    for (const proxy of proxies.started) expect(proxy.close).toHaveBeenCalledOnce()
    expect(service.getToken).not.toHaveBeenCalled()
    expect(listeners.size).toBe(0)
  })

  it('at quit also stops one still starting, and reports a close that failed without rejecting', async () => {
    const { endpoints, proxies, onError, acme, globex } = setup()
    await endpoints.start(acme.id)
    const broken = new Error('close failed')
    proxies.started[0]?.close.mockRejectedValueOnce(broken)
    proxies.hold()
    const starting = endpoints.start(globex.id)
    await settle()
    const stopping = endpoints.stopAll()
    proxies.release()
    await expect(starting).rejects.toBeInstanceOf(EndpointStoppedError)
    await expect(stopping).resolves.toBeUndefined()
    expect(proxies.started[1]?.close).toHaveBeenCalledOnce()
    expect(onError).toHaveBeenCalledExactlyOnceWith(broken)
  })
})
