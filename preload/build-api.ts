// Only the channel names at run time: the contract's schemas stay in main, out of the sandboxed preload.
import { CHANNELS, EVENT_CHANNEL, apiPath } from '../main/ipc/channels'
import type { Api, AppEvent } from '../main/ipc/contract'

/** A listener as ipcRenderer calls it: the IPC event first (never handed to the page), then the payload. */
export type IpcListener = (event: unknown, payload: unknown) => void

/** The three ipcRenderer calls the bridge is built on; the preload passes thin wrappers, tests fakes. */
export interface IpcBridge {
  invoke(channel: string, request: unknown): Promise<unknown>
  on(channel: string, listener: IpcListener): void
  off(channel: string, listener: IpcListener): void
}

/**
 * Builds `window.api` from the IPC contract: one function per channel at `api[domain][action]`, each sending
 * its request as is and resolving to main's envelope as is (validation happens in main, not here), plus
 * `events.subscribe`, whose returned function removes exactly the listener it added. The page never sees
 * ipcRenderer or an IPC event object.
 */
export function buildApi(bridge: IpcBridge): Api {
  const domains = new Map<string, Record<string, (request?: unknown) => Promise<unknown>>>()
  for (const channel of CHANNELS) {
    const [domain, name] = apiPath(channel)
    const operations = domains.get(domain) ?? {}
    operations[name] = (request?: unknown) => bridge.invoke(channel, request)
    domains.set(domain, operations)
  }
  const events = {
    subscribe(listener: (event: AppEvent) => void): () => void {
      const forward: IpcListener = (_event, payload) => listener(payload as AppEvent)
      bridge.on(EVENT_CHANNEL, forward)
      let subscribed = true
      return () => {
        if (!subscribed) return
        subscribed = false
        bridge.off(EVENT_CHANNEL, forward)
      }
    },
  }
  const api = Object.fromEntries(
    [...domains].map(([domain, operations]) => [domain, Object.freeze(operations)]),
  )
  // The operations are typed by the contract's Api type; building them by name loses that, so it is restored here.
  return Object.freeze({ ...api, events: Object.freeze(events) }) as unknown as Api
}
