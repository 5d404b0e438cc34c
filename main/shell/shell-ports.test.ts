import { describe, expect, it, vi } from 'vitest'
import { APP_VERSION } from '../core/app-info'
import { AppError } from '../core/errors'
import { DEFAULT_SETTINGS, type Settings } from '../core/profiles/schema'
import type { CredentialService } from '../core/service/service'
import { createHandlers } from '../ipc/handlers'
import { profileView } from './profile-fixtures'
import { createShellPorts, type ShellPortsInput } from './shell-ports'

const ENDPOINT_URL = 'http://127.0.0.1:49152/secret-path/'

function setup(overrides: Partial<ShellPortsInput> = {}) {
  const problems = [{ kind: 'keychain-unavailable', message: 'locked' }]
  let running = false
  const demo = {
    start: vi.fn(() => {
      running = true
      return Promise.resolve(profileView({ name: 'Demo (fake api.video)' }))
    }),
    running: () => running,
  }
  const changed = vi.fn()
  const endpointUrls = new Map<string, string>()
  const endpoints = {
    start: vi.fn((id: string) => {
      endpointUrls.set(id, ENDPOINT_URL)
      return Promise.resolve(ENDPOINT_URL)
    }),
    stop: vi.fn((id: string) => {
      endpointUrls.delete(id)
      return Promise.resolve()
    }),
    urlOf: vi.fn((id: string) => {
      const url = endpointUrls.get(id)
      if (url === undefined) throw new AppError('endpoint-not-running', 'Not running.')
      return url
    }),
    running: () => Object.fromEntries(endpointUrls),
  }
  const clipboard = { copy: vi.fn<(text: string) => Promise<number | null>>(() => Promise.resolve(1_000)) }
  const input: ShellPortsInput = {
    service: { problems: () => problems } as unknown as CredentialService,
    clipboard,
    endpoints,
    demo,
    platform: 'linux',
    shortcutError: () => 'Alt+T is already used.',
    applySettings: vi.fn(() => Promise.resolve()),
    appStateMayHaveChanged: changed,
    ...overrides,
  }
  return { ports: createShellPorts(input), demo, changed, problems, endpoints, clipboard }
}

describe('createShellPorts', () => {
  it('reports version, platform, problems, the shortcut error and whether the demo runs', () => {
    const { ports, problems } = setup()
    expect(ports.appState()).toEqual({
      version: APP_VERSION,
      platform: 'linux',
      problems,
      shortcutError: 'Alt+T is already used.',
      demoRunning: false,
      endpoints: {},
    })
  })

  it('starts, lists, copies and stops a local endpoint through the handlers', async () => {
    const { ports, endpoints, clipboard } = setup()
    const handlers = createHandlers(ports)
    await expect(handlers['endpoints:start']({ id: 'p1' })).resolves.toEqual({ url: ENDPOINT_URL })
    expect(endpoints.start).toHaveBeenCalledExactlyOnceWith('p1')
    expect(ports.appState().endpoints).toEqual({ p1: ENDPOINT_URL })
    await expect(handlers['endpoints:copy']({ id: 'p1' })).resolves.toEqual({ clearsAt: 1_000 })
    expect(clipboard.copy).toHaveBeenCalledExactlyOnceWith(ENDPOINT_URL)
    await expect(handlers['endpoints:stop']({ id: 'p1' })).resolves.toBeNull()
    expect(ports.appState().endpoints).toEqual({})
    await expect(handlers['endpoints:copy']({ id: 'p1' })).rejects.toMatchObject({
      kind: 'endpoint-not-running',
    })
    expect(clipboard.copy).toHaveBeenCalledOnce()
  })

  it('starts the demo and announces the new app state', async () => {
    const { ports, changed } = setup()
    await expect(ports.startDemo()).resolves.toMatchObject({ name: 'Demo (fake api.video)' })
    expect(ports.appState().demoRunning).toBe(true)
    expect(changed).toHaveBeenCalledOnce()
  })

  it('announces the app state after applying settings, even when applying failed', async () => {
    const failing = vi.fn(() => Promise.reject(new Error('nope')))
    const { ports, changed } = setup({ applySettings: failing })
    await expect(ports.applySettings(DEFAULT_SETTINGS)).rejects.toThrow('nope')
    expect(changed).toHaveBeenCalledOnce()
  })

  it('applies an update once, through the handler, with the settings as saved', async () => {
    const saved: Settings = { ...DEFAULT_SETTINGS, launchAtLogin: true, clipboardClearSeconds: 5 }
    const service = {
      updateSettings: vi.fn(() => Promise.resolve(saved)),
    } as unknown as CredentialService
    const applySettings = vi.fn(() => Promise.resolve())
    const { ports, changed } = setup({ service, applySettings })
    await expect(createHandlers(ports)['settings:update']({ launchAtLogin: true })).resolves.toBe(saved)
    expect(applySettings).toHaveBeenCalledOnce()
    expect(applySettings).toHaveBeenCalledWith(saved)
    expect(changed).toHaveBeenCalledOnce()
  })

  it('answers a settings update with the launch-at-login failure, for the renderer to show', async () => {
    const service = {
      updateSettings: () => Promise.resolve({ ...DEFAULT_SETTINGS, launchAtLogin: true }),
    } as unknown as CredentialService
    const failure = new AppError('launch-at-login', 'Launch at login could not be turned on.')
    const { ports } = setup({ service, applySettings: () => Promise.reject(failure) })
    await expect(createHandlers(ports)['settings:update']({ launchAtLogin: true })).rejects.toBe(failure)
  })
})
