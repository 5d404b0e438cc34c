import { isAtOrigin } from '../web/app-origin'

/** What the sender check reads from an IPC event: the structural part of Electron's IpcMainInvokeEvent. */
export interface IpcSender {
  readonly sender: { readonly id: number }
  /** Null when the frame navigated away or was destroyed before the message was handled. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null
}

/** Who may call main: our window's web contents, at the renderer's origin. */
export interface TrustedRenderer {
  /** The id of our window's web contents, or undefined while there is no window. */
  readonly webContentsId: number | undefined
  readonly origin: string
}

/**
 * True only for a message from our window's main frame at our origin. A subframe (an iframe, even one at our
 * origin), another window or web contents, a frame that is gone, or a page at any other origin is refused.
 */
export function isTrustedSender(event: IpcSender, trusted: TrustedRenderer): boolean {
  const frame = event.senderFrame
  if (frame === null) return false
  if (frame.parent !== null) return false
  if (trusted.webContentsId === undefined || event.sender.id !== trusted.webContentsId) return false
  return isAtOrigin(frame.url, trusted.origin)
}
