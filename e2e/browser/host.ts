import type { Page } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { APP_VERSION } from '../../main/core/app-info'
import type { Keychain } from '../../main/core/secrets/keychain'
import { createKeytarKeychain } from '../../main/core/secrets/keytar-store'
import { CredentialService } from '../../main/core/service/service'
import { Demo } from '../../main/demo/demo'
import { startFakeApiVideo, type FakeApiVideo } from '../../main/fake-api/server'
import { apiPath, CHANNELS, type AppEvent, type AppState } from '../../main/ipc/contract'
import { createDispatch } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { APP_ORIGIN, serveRenderer } from './serve-renderer'

/** The API keys the host's fake api.video server accepts. */
export const GOOD_KEY = 'good-api-key'
export const OTHER_KEY = 'other-api-key'

/** The real engine behind the built renderer in a real Chromium, with `window.api` bridged to it. */
export interface Host {
  readonly page: Page
  readonly fake: FakeApiVideo
  readonly service: CredentialService
  readonly keychain: Keychain
  readonly dataDir: string
  /** Every text handed to the clipboard port, in order. */
  readonly clipboard: string[]
  /** Everything the renderer received from main: every answer (with its channel) and every event. */
  readonly received: Received[]
  /** Opens (or reopens) the app in the page. */
  open(): Promise<void>
  close(): Promise<void>
}

/**
 * Builds the browser host: the fake api.video server, the engine on the private keychain (a unique service
 * name per host), the same dispatcher Electron's IPC uses, and a `window.api` installed from the contract.
 * No channel is special-cased: every channel of the contract is bridged the same way.
 */
export async function createHost(page: Page, options: HostOptions = {}): Promise<Host> {
  const dataDir = mkdtempSync(join(tmpdir(), 'avcm-browser-'))
  const keychain = createKeytarKeychain(`avcm-browser-${randomBytes(6).toString('hex')}`)
  const fake = await startFakeApiVideo({ apiKeys: [GOOD_KEY, OTHER_KEY] })
  const service = new CredentialService({
    dataDir,
    keychain,
    ...(options.officialHostsServedByFake === true ? { fetch: servedBy(fake.url) } : {}),
  })
  await service.start()
  const demo = new Demo(service)
  const clipboard: string[] = []
  const received: Received[] = []

  const appState = (): AppState => ({
    version: APP_VERSION,
    platform: 'browser-host',
    problems: service.problems(),
    shortcutError: null,
    demoRunning: demo.running(),
  })
  const dispatch = createDispatch(
    createHandlers({
      service,
      clipboard: {
        copy: (text) => {
          clipboard.push(text)
          const seconds = service.settings().clipboardClearSeconds
          return Promise.resolve(seconds === 0 ? null : Date.now() + seconds * 1000)
        },
      },
      appState,
      applySettings: () => Promise.resolve(),
      startDemo: async () => {
        const profile = await demo.start()
        push({ type: 'app', state: appState() })
        return profile
      },
    }),
    (error) => console.error('browser host: unexpected error', error),
  )

  function push(event: AppEvent): void {
    received.push({ event })
    page
      .evaluate(
        (e) => (globalThis as unknown as { __avcmEmit?: (e: unknown) => void }).__avcmEmit?.(e),
        event,
      )
      .catch(
        () => undefined, // the page may be navigating; it reloads its state when it comes back
      )
  }
  const unsubscribe = service.subscribe(push)

  await page.exposeBinding('__avcmInvoke', async (_source, channel: string, payload: unknown) => {
    const envelope = await dispatch(channel, payload)
    received.push({ answer: channel, envelope })
    return envelope
  })
  await page.addInitScript(
    installApi,
    CHANNELS.map((channel) => [channel, ...apiPath(channel)] as const),
  )
  await serveRenderer(page, options.rendererDir)

  return {
    page,
    fake,
    service,
    keychain,
    dataDir,
    clipboard,
    received,
    open: async () => {
      await page.goto(`${APP_ORIGIN}/`)
    },
    close: async () => {
      unsubscribe()
      service.stop()
      await demo.stop()
      await fake.close()
      for (const { account } of await keychain.findAll()) await keychain.delete(account)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** One thing the renderer received: an answer to a channel, or an event. */
export type Received = { readonly answer: string; readonly envelope: unknown } | { readonly event: AppEvent }

/** How a host is set up. */
export interface HostOptions {
  /**
   * Only for the documentation's screenshots: requests to api.video's production and sandbox hosts go to
   * the fake server, so profiles can show their real environment badges. Tests never use it.
   */
  readonly officialHostsServedByFake?: boolean
  /** The built renderer to serve; `out/renderer/` by default. */
  readonly rendererDir?: string
}

function servedBy(fakeUrl: string): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString())
    if (url.host === 'ws.api.video' || url.host === 'sandbox.api.video') {
      return fetch(`${fakeUrl}${url.pathname}${url.search}`, init)
    }
    return fetch(input, init)
  }
}

/** Runs in the page before the app: builds `window.api` from the channel list, as the preload does. */
function installApi(channels: readonly (readonly [channel: string, domain: string, name: string])[]): void {
  type Listener = (event: unknown) => void
  const host = globalThis as unknown as {
    __avcmInvoke: (channel: string, payload: unknown) => Promise<unknown>
    __avcmEmit?: (event: unknown) => void
  }
  const listeners = new Set<Listener>()
  const api: Record<string, Record<string, unknown>> = {
    events: {
      subscribe: (listener: Listener) => {
        listeners.add(listener)
        return () => void listeners.delete(listener)
      },
    },
  }
  for (const [channel, domain, name] of channels) {
    const group = (api[domain] ??= {})
    group[name] = (request?: unknown) => host.__avcmInvoke(channel, request)
  }
  Object.defineProperty(globalThis, '__avcmEmit', {
    value: (event: unknown) => {
      for (const listener of listeners) listener(event)
    },
  })
  Object.defineProperty(globalThis, 'api', { value: Object.freeze(api) })
}
