import { test as base, expect } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Keychain } from '../../main/core/secrets/keychain'
import { createKeytarKeychain } from '../../main/core/secrets/keytar-keychain'
import { CredentialService } from '../../main/core/service/service'
import type { ProfileView } from '../../main/core/service/types'
import { startFakeApiVideo, type FakeApiOptions, type FakeApiVideo } from '../../main/fake-api/server'
import type { DesktopDriver } from './desktop'
import { electronDriver, electronUnavailable } from './electron-driver'
import { standInDriver, type MachineSetup } from './stand-in-driver'

/** The API keys the machine's fake api.video server accepts. */
export const GOOD_KEY = 'good-api-key'
export const OTHER_KEY = 'other-api-key'

/** The machine one test runs on: a desktop, the fake api.video server, a data folder and a keychain service. */
export interface Machine extends DesktopDriver {
  readonly fake: FakeApiVideo
  readonly dataDir: string
  /** The person's home folder on this machine (autostart entries go under it). */
  readonly home: string
  readonly keychainService: string
  /** The keychain entries of this machine's service (the private test keyring, never a person's). */
  readonly keychain: Keychain
  /**
   * The engine over the app's data folder and keychain, without timers, as `avcm` runs it: to set up
   * profiles before a launch and to look at what the app left behind. Stopped after the callback.
   */
  withEngine<T>(use: (service: CredentialService) => Promise<T>): Promise<T>
  /** Adds a profile on the fake api.video server before a launch, as `avcm add` would. */
  addProfile(name: string, apiKey?: string): Promise<ProfileView>
}

/** Which desktop the specs run on: the harness's stand-ins (default) or real Electron (AVCM_E2E_DRIVER=electron). */
export const DRIVER = process.env['AVCM_E2E_DRIVER'] === 'electron' ? 'electron' : 'stand-ins'

/**
 * Playwright's test with a `machine`. Every spec drives the app through it, so the same specs run on the
 * stand-ins here and on real Electron where its binary exists.
 */
export const test = base.extend<{
  fakeOptions: FakeApiOptions
  officialHostsServedByFake: boolean
  machine: Machine
}>({
  fakeOptions: [{}, { option: true }],
  /**
   * The app's and `withEngine`'s requests to api.video's production and sandbox hosts go to the machine's fake
   * server, so profiles can live in their real environments (the screenshots' badges, the tray's groups).
   * Real Electron's requests cannot be redirected, so its driver skips tests that set it.
   */
  officialHostsServedByFake: [false, { option: true }],
  machine: async ({ browser, fakeOptions, officialHostsServedByFake }, use, testInfo) => {
    expect(
      process.env['AVCM_PRIVATE_KEYCHAIN'],
      'run through npm test or scripts/with-private-keychain.sh',
    ).toBe('1')
    if (DRIVER === 'electron') {
      const missing = electronUnavailable()
      testInfo.skip(missing !== undefined, `Skipped: ${missing ?? ''}.`)
      testInfo.skip(
        officialHostsServedByFake,
        'Skipped: real Electron’s requests to api.video cannot be sent to the fake server.',
      )
    }
    const root = mkdtempSync(join(tmpdir(), 'avcm-desktop-'))
    const dataDir = join(root, 'data')
    const keychainService = `avcm-e2e-${randomBytes(6).toString('hex')}`
    const keychain = createKeytarKeychain(keychainService)
    const fake = await startFakeApiVideo({ apiKeys: [GOOD_KEY, OTHER_KEY], ...fakeOptions })
    const setup: MachineSetup = {
      dataDir,
      home: join(root, 'home'),
      keychainService,
      fetch: officialHostsServedByFake ? servedBy(fake.url) : (input, init) => fetch(input, init),
    }
    const driver = DRIVER === 'electron' ? electronDriver(setup) : standInDriver(browser, setup)
    const withEngine: Machine['withEngine'] = async (work) => {
      const service = new CredentialService({ dataDir, keychain, autoRefresh: false, fetch: setup.fetch })
      await service.start()
      try {
        return await work(service)
      } finally {
        await service.idle()
        service.stop()
      }
    }
    const machine: Machine = {
      ...driver,
      fake,
      dataDir,
      home: setup.home,
      keychainService,
      keychain,
      withEngine,
      addProfile: (name, apiKey = GOOD_KEY) =>
        withEngine((engine) => engine.add({ name, environment: fake.url, apiKey })),
    }
    await use(machine)
    await driver.close()
    await fake.close()
    for (const { account } of await keychain.findAll()) await keychain.delete(account)
    rmSync(root, { recursive: true, force: true })
  },
})

/** A fetch that sends requests for ws.api.video and sandbox.api.video to the fake at `fakeUrl` instead. */
function servedBy(fakeUrl: string): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString())
    if (url.host === 'ws.api.video' || url.host === 'sandbox.api.video') {
      return fetch(`${fakeUrl}${url.pathname}${url.search}`, init)
    }
    return fetch(input, init)
  }
}

export { expect }
