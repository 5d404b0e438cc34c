import type { Envelope } from '../../../main/ipc/contract'
import type { IpcMainPort } from '../../../main/shell/bridge/ipc-registration'
import type { IpcSender } from '../../../main/shell/bridge/sender-check'

type Handler = Parameters<IpcMainPort['handle']>[1]

/**
 * Electron's ipcMain as the app uses it: one handler per channel, and an invoke with no handler fails the
 * way Electron's does, so a page whose channels were never registered sees its calls rejected.
 */
export class IpcMainStandIn implements IpcMainPort {
  private readonly handlers = new Map<string, Handler>()

  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    }
    this.handlers.set(channel, listener)
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  /** What `ipcRenderer.invoke` reaches in main. */
  async invoke(event: IpcSender, channel: string, payload: unknown): Promise<Envelope<unknown>> {
    const handler = this.handlers.get(channel)
    if (handler === undefined) {
      throw new Error(
        `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
      )
    }
    return handler(event, payload)
  }
}
