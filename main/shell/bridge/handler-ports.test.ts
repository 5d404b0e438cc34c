import { describe, expect, it, vi } from 'vitest'
import { APP_VERSION } from '../../core/app-info'
import { AppError } from '../../core/errors'
import { DEFAULT_SETTINGS, type Settings } from '../../core/profiles/schema'
import type { CredentialService } from '../../core/service/service'
import type { ServiceEvent } from '../../core/service/types'
import { createHandlers } from '../../ipc/handlers'
import { profileView } from '../../testing/profile-fixtures'
import { createSettingsApplier } from '../settings/applier'
import { createShellPorts, type ShellPortsInput } from './handler-ports'

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
    settingsApplied: vi.fn(() => Promise.resolve()),
    appStateMayHaveChanged: changed,
    paletteCopied: vi.fn(),
    ...overrides,
  }
  return { ports: createShellPorts(input), demo, changed, problems, endpoints, clipboard }
}

describe('createShellPorts', () => {
  it('tells the shell when quick copy has copied, and answers the renderer with nothing', async () => {
    const paletteCopied = vi.fn()
    const { ports } = setup({ paletteCopied })
    await expect(createHandlers(ports)['palette:copied'](undefined)).resolves.toBeNull()
    expect(paletteCopied).toHaveBeenCalledOnce()
  })

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

  it('answers a settings update once the shell has applied the settings saved', async () => {
    const saved: Settings = { ...DEFAULT_SETTINGS, launchAtLogin: true, clipboardClearSeconds: 5 }
    const events: string[] = []
    const service = {
      updateSettings: vi.fn(() => (events.push('saved'), Promise.resolve(saved))),
    } as unknown as CredentialService
    const settingsApplied = vi.fn(() => (events.push('applied'), Promise.resolve()))
    const { ports } = setup({ service, settingsApplied })
    await expect(createHandlers(ports)['settings:update']({ launchAtLogin: true })).resolves.toBe(saved)
    expect(events).toEqual(['saved', 'applied'])
  })

  it('answers a settings update with the launch-at-login failure, for the renderer to show', async () => {
    const service = {
      updateSettings: () => Promise.resolve({ ...DEFAULT_SETTINGS, launchAtLogin: true }),
    } as unknown as CredentialService
    const failure = new AppError('launch-at-login', 'Launch at login could not be turned on.')
    const { ports } = setup({ service, settingsApplied: () => Promise.reject(failure) })
    await expect(createHandlers(ports)['settings:update']({ launchAtLogin: true })).rejects.toBe(failure)
  })
  it('answers a settings update with the outcome of the application the engine’s change set off', async () => {
    let listener: (event: ServiceEvent) => void = () => undefined
    let current: Settings = DEFAULT_SETTINGS
    const service = {
      settings: () => current,
      subscribe: (l: (event: ServiceEvent) => void) => ((listener = l), () => undefined),
      updateSettings: (patch: Partial<Settings>) => {
        current = { ...current, ...patch }
        listener({ type: 'settings', settings: current })
        return Promise.resolve(current)
      },
    } as unknown as CredentialService
    const launchAtLogin = vi.fn((enabled: boolean) =>
      enabled ? Promise.reject(new Error('EACCES')) : Promise.resolve(),
    )
    const nativeTheme = { themeSource: 'system' as Settings['theme'] }
    const applier = createSettingsApplier({
      nativeTheme,
      shortcut: { apply: vi.fn() },
      launchAtLogin,
      onApplied: vi.fn(),
      onError: vi.fn(),
    })
    await applier.follow(service)
    const { ports } = setup({ service, settingsApplied: () => applier.settled() })
    const update = createHandlers(ports)['settings:update']
    await expect(update({ theme: 'dark' })).resolves.toMatchObject({ theme: 'dark' })
    expect(nativeTheme.themeSource).toBe('dark')
    await expect(update({ launchAtLogin: true })).rejects.toMatchObject({ kind: 'launch-at-login' })
    expect(launchAtLogin).toHaveBeenLastCalledWith(true)
  })
})
