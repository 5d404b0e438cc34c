import { canIssueToken } from '../../core/common/session-status'
import type { ProxyOptions, RunningProxy } from '../../core/proxy/proxy'
import { AppError } from '../../core/errors'
import type { CredentialService } from '../../core/service/service'
import type { ProfileView, ServiceEvent } from '../../core/service/types'
import { NeedsSignInError } from '../../core/sessions/session-types'
import type { EndpointsPort } from '../../ipc/ports'

/** How long a token handed to a local endpoint stays valid at least: one request's worth, with margin. */
export const ENDPOINT_TOKEN_MIN_VALIDITY_SECONDS = 60

/** Starts a loopback proxy: `startProxy` of main/core/proxy/proxy.ts, or a test's fake. */
export type StartProxy = (options: ProxyOptions) => Promise<RunningProxy>

/** What the endpoints use of the engine. */
export type EndpointService = Pick<
  CredentialService,
  'find' | 'assertUsable' | 'getToken' | 'refresh' | 'subscribe'
>

/** What {@link LocalEndpoints} needs. */
export interface LocalEndpointsDeps {
  readonly service: EndpointService
  readonly startProxy: StartProxy
  /** Called whenever the set of running endpoints changed (the window and the tray show it). */
  readonly onChange: () => void
  /** Failures nobody asked about: an endpoint that would not close when its profile went away. */
  readonly onError: (error: unknown) => void
}

/** The endpoint a URL was asked of is not running. */
export class EndpointNotRunningError extends AppError<'endpoint-not-running'> {
  constructor() {
    super('endpoint-not-running', 'This profile’s local endpoint is not running: start it first.')
    this.name = 'EndpointNotRunningError'
  }
}

/** Stopped while it was starting (by the person, the profile's removal, or quitting). */
export class EndpointStoppedError extends AppError<'endpoint-stopped'> {
  constructor() {
    super('endpoint-stopped', 'The local endpoint was stopped before it finished starting.')
    this.name = 'EndpointStoppedError'
  }
}

/** A token asked for by an endpoint whose profile now points at another base URL than it forwards to. */
export class EndpointUpstreamChangedError extends AppError<'endpoint-upstream-changed'> {
  constructor() {
    super(
      'endpoint-upstream-changed',
      'This profile now points at another base URL: start its local endpoint again.',
    )
    this.name = 'EndpointUpstreamChangedError'
  }
}

/** Asked for a start, or a token, once quitting has begun. */
export class EndpointsClosedError extends AppError<'app-quitting'> {
  constructor() {
    super('app-quitting', 'The app is quitting; its local endpoints are stopping.')
    this.name = 'EndpointsClosedError'
  }
}

/** One profile's endpoint: starting (no proxy yet) or running. */
interface Slot {
  /** The base URL it forwards to; tokens are only ever handed out for this one. */
  readonly upstream: string
  readonly ready: Promise<RunningProxy>
  proxy?: RunningProxy
}

/**
 * The app's local endpoints: at most one running `avcm proxy` per profile, in the main process, on a random
 * loopback port with a per-run secret in its URL. It stops a profile's endpoint when the profile is removed
 * or points at another base URL (its tokens must never go to the old one), and {@link stopAll} at quit.
 */
export class LocalEndpoints implements EndpointsPort {
  private readonly slots = new Map<string, Slot>()
  private readonly unsubscribe: () => void
  /** Set once quitting has begun: no start and no token from then on. */
  private closed = false
  private closing: Promise<void> | undefined

  constructor(private readonly deps: LocalEndpointsDeps) {
    this.unsubscribe = deps.service.subscribe((event) => this.follow(event))
  }

  /**
   * Starts the profile's endpoint, or finds it already running or starting; resolves to its URL. Refused
   * for a profile only a new sign-in can fix, so the person is told now rather than by a script's 401.
   */
  async start(profileId: string): Promise<string> {
    if (this.closed) throw new EndpointsClosedError()
    const existing = this.slots.get(profileId)
    if (existing !== undefined) return this.urlOnceReady(profileId, existing)
    const profile = this.deps.service.find(profileId)
    this.deps.service.assertUsable(profile.id)
    if (!canIssueToken(profile.session.status)) {
      throw new NeedsSignInError(`Sign in to ${profile.name} again before starting its local endpoint.`)
    }
    const upstream = profile.baseUrl
    const slot: Slot = {
      upstream,
      ready: this.deps.startProxy({ upstream, token: (fresh) => this.token(profile.id, upstream, fresh) }),
    }
    this.slots.set(profile.id, slot)
    return this.urlOnceReady(profile.id, slot)
  }

  /** Stops the profile's endpoint, if it runs; resolves once it has closed. */
  async stop(profileId: string): Promise<void> {
    const slot = this.slots.get(profileId)
    if (slot === undefined) return
    this.slots.delete(profileId)
    this.deps.onChange()
    await close(slot)
  }

  /** The URL of the profile's running endpoint. */
  urlOf(profileId: string): string {
    const url = this.slots.get(profileId)?.proxy?.url
    if (url === undefined) throw new EndpointNotRunningError()
    return url
  }

  /** profile id → URL of every running endpoint. */
  running(): Readonly<Record<string, string>> {
    const running: Record<string, string> = {}
    for (const [id, slot] of this.slots) if (slot.proxy !== undefined) running[id] = slot.proxy.url
    return running
  }

  /**
   * At quit: at once, no endpoint starts and no endpoint gets a token any more (so none can start a refresh
   * after quitting has waited for those in flight) and every endpoint stops listening; resolves once each
   * has finished its requests in flight and closed. Never rejects; calling it again returns the same promise.
   */
  stopAll(): Promise<void> {
    this.closing ??= this.closeAll()
    return this.closing
  }

  private async closeAll(): Promise<void> {
    this.closed = true
    this.unsubscribe()
    const slots = [...this.slots.values()]
    this.slots.clear()
    if (slots.length > 0) this.deps.onChange()
    const results = await Promise.allSettled(slots.map(close))
    for (const result of results) if (result.status === 'rejected') this.deps.onError(result.reason)
  }

  private async urlOnceReady(profileId: string, slot: Slot): Promise<string> {
    let proxy: RunningProxy
    try {
      proxy = await slot.ready
    } catch (error) {
      if (this.slots.get(profileId) === slot) this.slots.delete(profileId)
      throw error
    }
    // Stopped meanwhile: `stop` (or `stopAll`) closes it once it is ready.
    if (this.slots.get(profileId) !== slot) throw new EndpointStoppedError()
    if (slot.proxy === undefined) {
      slot.proxy = proxy
      this.deps.onChange()
    }
    return proxy.url
  }

  /**
   * A token for one proxied request, valid for at least a minute; after api.video refused one (`fresh`), a
   * refresh first (single-flight in the engine, so a burst of refusals makes one). Never for a profile that
   * is gone or now points elsewhere.
   */
  private async token(profileId: string, upstream: string, fresh: boolean): Promise<string> {
    if (this.closed) throw new EndpointsClosedError()
    const { service } = this.deps
    if (service.find(profileId).baseUrl !== upstream) throw new EndpointUpstreamChangedError()
    if (fresh) await service.refresh(profileId)
    const token = await service.getToken(profileId, {
      minValiditySeconds: ENDPOINT_TOKEN_MIN_VALIDITY_SECONDS,
      purpose: 'proxy',
    })
    return token.accessToken
  }

  /** Stops the endpoints of profiles removed, or pointed at another base URL, here or by another process. */
  private follow(event: ServiceEvent): void {
    if (event.type === 'profiles') this.keepOnly(event.profiles)
    else if (event.type === 'profile') this.keepOnly([event.profile], [event.profile.id])
  }

  /** Stops every endpoint (among `ids`, default all) whose profile is not in `profiles` with its upstream. */
  private keepOnly(profiles: readonly ProfileView[], ids: readonly string[] = [...this.slots.keys()]): void {
    for (const id of ids) {
      const slot = this.slots.get(id)
      if (slot === undefined) continue
      if (profiles.some((p) => p.id === id && p.baseUrl === slot.upstream)) continue
      this.stop(id).catch(this.deps.onError)
    }
  }
}

/** Closes a slot's proxy once it has started (a start that failed has nothing to close). */
async function close(slot: Slot): Promise<void> {
  let proxy: RunningProxy
  try {
    proxy = await slot.ready
  } catch {
    return
  }
  await proxy.close()
}
