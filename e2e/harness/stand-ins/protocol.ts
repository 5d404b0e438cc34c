import type { CustomScheme, Protocol } from 'electron'

type SchemeHandler = Parameters<Protocol['handle']>[1]

/** Electron's protocol module: privileged schemes must be declared before ready; handlers answer requests. */
export class ProtocolStandIn implements Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'> {
  readonly privileged: CustomScheme[] = []
  private readonly handlers = new Map<string, SchemeHandler>()
  private ready = false

  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    if (this.ready)
      throw new Error('protocol.registerSchemesAsPrivileged must be called before the app is ready')
    this.privileged.push(...customSchemes)
  }

  handle(scheme: string, handler: SchemeHandler): void {
    if (!this.ready) throw new Error('protocol.handle cannot be called before the app is ready')
    if (this.handlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`)
    this.handlers.set(scheme, handler)
  }

  /** Called when the app becomes ready. */
  becomeReady(): void {
    this.ready = true
  }

  /** Answers a request through the app's handler for its scheme, or null when the scheme has none. */
  async fetch(request: Request): Promise<Response | null> {
    const handler = this.handlers.get(new URL(request.url).protocol.slice(0, -1))
    return handler === undefined ? null : handler(request)
  }
}
