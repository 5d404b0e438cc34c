import { describe, expect, it, vi } from 'vitest'
import { APP_VERSION } from '../core/app-info'
import { AppError } from '../core/errors'
import { DEFAULT_SETTINGS, type Settings } from '../core/profiles/schema'
import type { CredentialService } from '../core/service/service'
import { createHandlers } from '../ipc/handlers'
import { profileView } from './profile-fixtures'
import { createShellPorts, type ShellPortsInput } from './shell-ports'

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
  const input: ShellPortsInput = {
    service: { problems: () => problems } as unknown as CredentialService,
    clipboard: { copy: () => Promise.resolve(null) },
    demo,
    platform: 'linux',
    shortcutError: () => 'Alt+T is already used.',
    applySettings: vi.fn(() => Promise.resolve()),
    appStateMayHaveChanged: changed,
    ...overrides,
  }
  return { ports: createShellPorts(input), demo, changed, problems }
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
    })
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
