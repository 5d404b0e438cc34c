import { CHANNELS, type Envelope } from '../../ipc/contract'
import type { Dispatch } from '../../ipc/dispatch'
import type { IpcSender } from './sender-check'

/** The answer to a caller that is not our window's main frame at our origin. */
export const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { kind: 'forbidden', message: 'This page may not call the app.' },
}

/** ipcMain as registration uses it; Electron's own ipcMain fits. */
export interface IpcMainPort {
  handle(channel: string, listener: (event: IpcSender, payload: unknown) => Promise<Envelope<unknown>>): void
  removeHandler(channel: string): void
}

/**
 * Registers one `ipcMain.handle` per contract channel. Each checks the sender first, then hands the untrusted
 * payload to the shared dispatcher, which validates it and turns every failure into `{kind, message}`.
 * Returns the function that unregisters them.
 */
export function registerIpc(
  ipcMain: IpcMainPort,
  dispatch: Dispatch,
  isTrusted: (event: IpcSender) => boolean,
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      isTrusted(event) ? dispatch(channel, payload) : Promise.resolve(FORBIDDEN),
    )
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel)
  }
}
