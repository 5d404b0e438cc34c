import type { Settings } from '../../../main/core/profiles/schema'
import type { ProfileView } from '../../../main/core/service/types'
import type { Api, Envelope } from '../../../main/ipc/contract'

/** A profile view as main would send it. */
export function profileView(overrides: Partial<ProfileView> = {}): ProfileView {
  const now = Date.now()
  return {
    id: 'p1',
    name: 'Acme',
    environment: { kind: 'sandbox' },
    environmentLabel: 'sandbox',
    baseUrl: 'https://sandbox.api.video',
    createdAt: now,
    demo: false,
    session: {
      status: 'valid',
      expiresAt: now + 3_600_000,
      issuedAt: now,
      lastRefreshedAt: now,
      nextRefreshAt: now + 3_300_000,
      failures: 0,
      lastError: undefined,
      keychainError: undefined,
      remembersApiKey: false,
    },
    ...overrides,
  }
}

/** An answer that arrives when the test says so. */
export interface Pending<T> {
  readonly promise: Promise<Envelope<T>>
  resolve(envelope: Envelope<T>): void
}

/** A promise the test settles by hand. */
export function pending<T>(): Pending<T> {
  let resolve: (envelope: Envelope<T>) => void = () => undefined
  const promise = new Promise<Envelope<T>>((settle) => (resolve = settle))
  return { promise, resolve }
}

/**
 * A stand-in for the preload's `window.api`: every operation fails unless the test provides it. Component
 * tests use it to play main's part; the end-to-end specs (e2e/app) use the real app.
 */
export function fakeApi(parts: { [D in keyof Api]?: Partial<Api[D]> }): Api {
  return new Proxy({} as Api, {
    get: (_target, domain: string) =>
      new Proxy(
        {},
        {
          get: (_inner, name: string) =>
            (parts as Record<string, Record<string, unknown> | undefined>)[domain]?.[name] ??
            (() => Promise.reject(new Error(`api.${domain}.${name} was not expected in this test`))),
        },
      ),
  })
}

/** The defaults of a fresh install, as `settings:get` returns them. */
export const DEFAULT_SETTINGS_FOR_TESTS: Settings = {
  autoRefreshLeadMinutes: 5,
  minValidityMinutes: 10,
  clipboardClearSeconds: 30,
  launchAtLogin: false,
  theme: 'system',
  globalShortcut: { enabled: false, accelerator: 'CommandOrControl+Alt+T' },
}
