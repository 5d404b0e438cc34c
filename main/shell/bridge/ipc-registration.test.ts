import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MemoryKeychain } from '../../core/secrets/memory-keychain'
import { CredentialService } from '../../core/service/service'
import { CHANNELS, type Channel, type Envelope } from '../../ipc/contract'
import { createDispatch } from '../../ipc/dispatch'
import { createHandlers } from '../../ipc/handlers'
import type { EndpointsPort } from '../../ipc/ports'
import { tempDir } from '../../testing/temp-dir'
import { APP_ORIGIN } from '../web/app-origin'
import { FORBIDDEN, registerIpc } from './ipc-registration'
import { isTrustedSender, type IpcSender } from './sender-check'
import { createShellPorts } from './handler-ports'

type Listener = (event: IpcSender, payload: unknown) => Promise<Envelope<unknown>>

/** ipcMain reduced to its handler table. */
class FakeIpcMain {
  readonly handlers = new Map<string, Listener>()
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, listener)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
  invoke(channel: string, event: IpcSender, payload: unknown): Promise<Envelope<unknown>> {
    const listener = this.handlers.get(channel)
    if (listener === undefined) throw new Error(`no handler for ${channel}`)
    return listener(event, payload)
  }
}

const WINDOW_ID = 3
const ourFrame: IpcSender = {
  sender: { id: WINDOW_ID },
  senderFrame: { url: 'app://renderer/', parent: null },
}
const iframe: IpcSender = {
  sender: { id: WINDOW_ID },
  senderFrame: { url: 'app://renderer/', parent: ourFrame.senderFrame },
}
const elsewhere: IpcSender = {
  sender: { id: WINDOW_ID },
  senderFrame: { url: 'https://evil.example/', parent: null },
}

/** Payloads that must never reach a handler, per channel; adding a channel without cases fails to compile. */
const id = 'a1b2c3d4'
const malformed: Readonly<Record<Channel, readonly unknown[]>> = {
  'app:state': [{}, { x: 1 }, 'state'],
  'profiles:list': [{}, [], 'all'],
  'palette:copied': [{}, { id }, 'copied'],
  'profiles:add': [
    undefined,
    { name: 'acme', environment: 'production', apiKey: 'k' },
    { name: 'acme', environment: 'production', apiKey: 'k', rememberApiKey: 'yes' },
    { name: 'acme', environment: '', apiKey: 'k', rememberApiKey: false },
    { name: 'acme', environment: 'production', apiKey: 'k'.repeat(1025), rememberApiKey: false },
    { name: 'acme', environment: 'production', apiKey: 'k', rememberApiKey: false, demo: true },
  ],
  'profiles:sign-in': [undefined, { apiKey: 'k' }, { id, rememberApiKey: 'no' }, { id, apiKey: 42 }],
  'profiles:refresh': [undefined, { id: '' }, { id: 'x'.repeat(65) }],
  'profiles:copy': [undefined, { id }, { id, format: 'html' }, { id, format: 'token', extra: 1 }],
  'profiles:reveal': [undefined, { id: 7 }, { id, purpose: 'print' }],
  'profiles:verify': [undefined, { id: null }],
  'profiles:rename': [undefined, { id }, { id, name: 'x'.repeat(201) }, { id, name: 42 }],
  'profiles:remove': [undefined, { id: [] }, { ids: [id] }],
  'settings:get': [{}, null],
  'settings:update': [
    undefined,
    { colour: 'red' },
    { clipboardClearSeconds: -1 },
    { theme: 'neon' },
    { globalShortcut: { enabled: true } },
    { minValidityMinutes: 1.5 },
  ],
  'activity:list': [{}, 0],
  'demo:start': [{}, { apiKey: 'k' }],
  'endpoints:start': [undefined, { id: '' }, { id, port: 8080 }, { id, host: '0.0.0.0' }],
  'endpoints:stop': [undefined, { id: 42 }, { ids: [id] }],
  'endpoints:copy': [undefined, { id: null }, { id, format: 'token' }],
}
/** Shapes no channel accepts. */
const malformedEverywhere: readonly unknown[] = [
  null,
  'text',
  42,
  true,
  [],
  { unexpected: true },
  JSON.parse('{"__proto__": {"id": "a1b2c3d4"}, "constructor": 1}'),
]

describe('IPC registration', () => {
  let dir: ReturnType<typeof tempDir>
  let service: CredentialService
  const touched: (string | symbol)[] = []
  const applied = vi.fn(() => Promise.resolve())

  beforeEach(async () => {
    dir = tempDir()
    service = new CredentialService({ dataDir: dir.path, keychain: new MemoryKeychain(), autoRefresh: false })
    await service.start()
    touched.length = 0
    applied.mockClear()
  })
  afterEach(() => {
    service.stop()
    dir.remove()
  })

  /** Registers the real handlers over a service that records every use, behind the real sender check. */
  function register(spyOnService: boolean): FakeIpcMain {
    const watched = spyOnService
      ? new Proxy(service, {
          get: (target, key) => {
            touched.push(key)
            return Reflect.get(target, key) as unknown
          },
        })
      : service
    const ports = createShellPorts({
      service: watched,
      paletteCopied: () => undefined,
      clipboard: { copy: () => Promise.resolve(null) },
      endpoints: new Proxy({} as EndpointsPort, {
        get: (_target, key) => {
          touched.push(`endpoints.${String(key)}`)
          return () => Promise.reject(new Error('not in this test'))
        },
      }),
      demo: { start: () => Promise.reject(new Error('not in this test')), running: () => false },
      platform: 'linux',
      shortcutError: () => null,
      settingsApplied: applied,
      appStateMayHaveChanged: () => undefined,
    })
    const ipcMain = new FakeIpcMain()
    registerIpc(ipcMain, createDispatch(createHandlers(ports)), (event) =>
      isTrustedSender(event, { webContentsId: WINDOW_ID, origin: APP_ORIGIN }),
    )
    return ipcMain
  }

  it('registers exactly one handler per contract channel, and removes them all', () => {
    const ipcMain = new FakeIpcMain()
    const unregister = registerIpc(
      ipcMain,
      () => Promise.resolve({ ok: true, value: null }),
      () => true,
    )
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
    unregister()
    expect(ipcMain.handlers.size).toBe(0)
  })

  it.each(CHANNELS)('%s refuses malformed payloads before touching the engine', async (channel) => {
    const ipcMain = register(true)
    for (const payload of [...malformed[channel], ...malformedEverywhere]) {
      const answer = await ipcMain.invoke(channel, ourFrame, payload)
      expect(answer, payload === undefined ? 'undefined' : JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { kind: 'invalid-request' },
      })
    }
    expect(touched).toEqual([])
  })

  it.each(CHANNELS)('%s refuses a subframe and another origin, whatever the payload', async (channel) => {
    const ipcMain = register(true)
    await expect(ipcMain.invoke(channel, iframe, undefined)).resolves.toEqual(FORBIDDEN)
    await expect(ipcMain.invoke(channel, elsewhere, { id })).resolves.toEqual(FORBIDDEN)
    expect(touched).toEqual([])
  })

  it('answers our main frame through the engine, errors as {kind, message}', async () => {
    const ipcMain = register(false)
    await expect(ipcMain.invoke('profiles:list', ourFrame, undefined)).resolves.toEqual({
      ok: true,
      value: [],
    })
    const missing = await ipcMain.invoke('profiles:refresh', ourFrame, { id })
    expect(missing.ok).toBe(false)
    expect(missing.ok ? undefined : Object.keys(missing.error).sort()).toEqual(['kind', 'message'])
    expect(JSON.stringify(missing)).not.toMatch(/at .*\.ts:\d+/)
    const updated = await ipcMain.invoke('settings:update', ourFrame, { clipboardClearSeconds: 5 })
    expect(updated).toMatchObject({ ok: true, value: { clipboardClearSeconds: 5 } })
    expect(applied).toHaveBeenCalledOnce()
  })
})
