import { randomUUID } from 'node:crypto'
import { parseApiKey } from '../apivideo/api-key'
import { environmentLabel, type Environment } from '../apivideo/environment'
import { systemClock, type Clock } from '../clock'
import { InvalidInputError, isAppError } from '../errors'
import { fingerprint } from '../fingerprint'
import {
  settingsSchema,
  type Profile,
  type ProfilesDocument,
  type Settings,
  type SettingsPatch,
} from '../profiles/schema'
import type { Keychain } from '../secrets/keychain'
import { KeychainError } from '../secrets/keychain-errors'
import { SecretStore } from '../secrets/secret-store'
import { MAX_MIN_VALIDITY_SECONDS, minValidityMs } from '../sessions/min-validity'
import { POLL_INTERVAL_MS } from '../sessions/schedule'
import type { IssuedToken } from '../sessions/session'
import type { ActivityEntry } from './activity-log'
import { describeActivity } from './describe-activity'
import { LoadedProfiles } from './loaded-profiles'
import { parseEnvironmentInput, parseName } from './inputs'
import { ServiceEvents } from './events'
import { Registry } from './registry'
import { SecretLoader, type SecretLoading } from './secret-loader'
import type {
  AddProfileInput,
  ProfileView,
  ServiceEvent,
  ServiceProblem,
  TokenPurpose,
  VerifyOutcome,
} from './types'

export { ProfileNotFoundError } from './inputs'

/** How the service is built. */
export interface ServiceOptions {
  readonly dataDir: string
  readonly keychain: Keychain
  readonly clock?: Clock
  readonly random?: () => number
  readonly fetch?: typeof fetch
  /** False for one-shot use (avcm): no timers, no automatic refresh. Default true. */
  readonly autoRefresh?: boolean
  /** api.video request timeout; default 15 s. */
  readonly requestTimeoutMs?: number
  /** When secrets are read: all at start (the app, the default) or each when first used (avcm). */
  readonly secrets?: SecretLoading
}

/**
 * The use cases both fronts call, the Electron app and `avcm`. Profiles live in the profiles file, secrets
 * in the keychain, and each profile's tokens in a session.
 */
export class CredentialService {
  private readonly file: LoadedProfiles
  private readonly secrets: SecretStore
  private readonly clock: Clock
  private readonly events: ServiceEvents
  private readonly registry: Registry
  private readonly loader: SecretLoader
  /** Per profile, the fingerprint of the last token a local endpoint's use of was recorded. */
  private readonly proxied = new Map<string, string>()
  private poll: NodeJS.Timeout | undefined

  constructor(private readonly options: ServiceOptions) {
    this.clock = options.clock ?? systemClock
    this.file = new LoadedProfiles(options.dataDir, this.clock)
    this.secrets = new SecretStore(options.keychain)
    this.events = new ServiceEvents(this.clock)
    this.registry = new Registry({
      dataDir: options.dataDir,
      secrets: this.secrets,
      clock: this.clock,
      random: options.random ?? Math.random,
      fetch: options.fetch,
      requestTimeoutMs: options.requestTimeoutMs,
      autoRefresh: options.autoRefresh !== false,
      leadMs: () => this.file.document.settings.autoRefreshLeadMinutes * 60_000,
      onChange: (id) => this.events.emit({ type: 'profile', profile: this.registry.view(id) }),
      onActivity: (profile, activity) => this.events.record(profile, describeActivity.session(activity)),
    })
    this.loader = new SecretLoader({
      registry: this.registry,
      secrets: this.secrets,
      mode: options.secrets ?? 'eager',
      onProblem: (error) => this.events.problem(error),
    })
  }

  /** Loads profiles and (unless on demand) every profile's secrets, then starts the schedule. */
  async start(): Promise<void> {
    await this.loadDocument()
    await this.loader.start(this.file.document.profiles)
    if (this.options.autoRefresh !== false) {
      this.poll = setInterval(() => void this.tick(), POLL_INTERVAL_MS)
      this.poll.unref()
    }
  }

  /**
   * Waits, for at most `timeoutMs`, until no refresh or sign-in is in flight, so quitting never falls
   * between api.video rotating a refresh token and the keychain saving the new one.
   */
  async idle(timeoutMs = 10_000): Promise<void> {
    await this.registry.idle(timeoutMs)
  }

  /** Stops every timer. */
  stop(): void {
    clearInterval(this.poll)
    for (const id of this.registry.ids()) this.registry.delete(id)
  }

  /**
   * Every profile with its real status, in the order they were added. In on-demand mode the secrets of the
   * profiles not used yet are read first, in parallel (in eager mode they all were at start). A keychain that
   * cannot be used is thrown, so a command can say so; the sessions then show it too.
   */
  async list(): Promise<ProfileView[]> {
    await this.loader.everything()
    return this.views()
  }

  /** One profile (by id or name) with its real status, loading its secrets (and only its) if needed. */
  async status(reference: string): Promise<ProfileView> {
    return this.registry.view((await this.loader.entry(reference)).profile.id)
  }

  /** Problems the person should know about (an unreadable profiles file, an unavailable keychain). */
  problems(): readonly ServiceProblem[] {
    return this.events.problems()
  }

  /** The profile with this id, or this name (case-insensitive). */
  find(reference: string): ProfileView {
    return this.registry.view(this.registry.resolve(reference).profile.id)
  }

  /**
   * Throws why the profile cannot be used as stored (a base URL the app refuses), if it cannot; lets a
   * front refuse before it asks a person for an API key.
   */
  assertUsable(reference: string): void {
    const { refusal } = this.registry.resolve(reference)
    if (refusal !== undefined) throw refusal
  }

  /** Signs in with the API key and saves the profile; if api.video refuses, nothing at all is saved. */
  async add(input: AddProfileInput): Promise<ProfileView> {
    this.file.assertWritable()
    const name = parseName(input.name)
    const environment = parseEnvironmentInput(input.environment)
    const apiKey = parseApiKey(input.apiKey)
    const remember = input.rememberApiKey === true
    this.file.assertNameFree(name)
    const grant = await this.registry.clientFor(environment).authenticate(apiKey)
    const profile: Profile = {
      id: randomUUID(),
      name,
      environment,
      createdAt: this.clock.now(),
      rememberApiKey: remember,
      demo: input.demo === true,
    }
    const secrets = {
      refreshToken: grant.refreshToken,
      access: { token: grant.accessToken, expiresAt: grant.expiresAt, issuedAt: grant.receivedAt },
    }
    try {
      await this.secrets.saveSession(profile.id, secrets)
      if (remember) await this.secrets.saveApiKey(profile.id, apiKey)
      await this.mutate((document) => {
        this.file.assertNameFree(name, undefined, document)
        return { ...document, profiles: [...document.profiles, profile] }
      })
    } catch (error) {
      await this.secrets.deleteAll(profile.id).catch(() => undefined)
      throw error
    }
    this.registry.add(profile).session.load(secrets)
    this.events.record(profile, { kind: 'added', detail: `Added (${environmentLabel(environment)})` })
    this.events.record(profile, {
      kind: 'signed-in',
      detail: 'Signed in',
      fingerprint: fingerprint(grant.accessToken),
    })
    await this.emitProfiles()
    return this.registry.view(profile.id)
  }

  /** Signs in again: with the API key given, or the remembered one. */
  async signIn(reference: string, apiKeyInput?: string, rememberApiKey?: boolean): Promise<ProfileView> {
    const entry = await this.loader.entry(reference)
    const apiKey =
      apiKeyInput === undefined ? await this.secrets.readApiKey(entry.profile.id) : parseApiKey(apiKeyInput)
    if (apiKey === undefined)
      throw new InvalidInputError('Enter the API key: this profile does not remember it.')
    const remember = rememberApiKey ?? entry.profile.rememberApiKey
    await entry.session.signIn(apiKey, remember)
    if (remember !== entry.profile.rememberApiKey) {
      await this.mutate((document) => ({
        ...document,
        profiles: document.profiles.map((p) =>
          p.id === entry.profile.id ? { ...p, rememberApiKey: remember } : p,
        ),
      }))
    }
    return this.registry.view(entry.profile.id)
  }

  /** Refreshes now. */
  async refresh(reference: string): Promise<ProfileView> {
    const entry = await this.loader.entry(reference)
    await entry.session.refreshNow()
    return this.registry.view(entry.profile.id)
  }

  /** A token valid for at least `minValiditySeconds` (default: the setting), refreshing first when needed. */
  async getToken(
    reference: string,
    options: { readonly minValiditySeconds?: number; readonly purpose?: TokenPurpose } = {},
  ): Promise<IssuedToken> {
    const entry = await this.loader.entry(reference)
    const seconds = options.minValiditySeconds
    if (
      seconds !== undefined &&
      (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_MIN_VALIDITY_SECONDS)
    ) {
      throw new InvalidInputError(
        `The minimum validity must be a whole number of seconds from 0 to ${MAX_MIN_VALIDITY_SECONDS}.`,
      )
    }
    const minValidMs = minValidityMs(seconds, this.file.document.settings.minValidityMinutes)
    const token = await entry.session.getToken(minValidMs)
    if (options.purpose !== undefined && options.purpose !== 'print') {
      const print = fingerprint(token.accessToken)
      // A local endpoint asks for a token per request: each token it uses is recorded once, or a script's
      // thousand requests would push every other line out of the log.
      if (options.purpose !== 'proxy' || this.proxied.get(entry.profile.id) !== print) {
        if (options.purpose === 'proxy') this.proxied.set(entry.profile.id, print)
        this.events.record(entry.profile, {
          kind: 'copied',
          detail: describeActivity.purpose(options.purpose),
          fingerprint: print,
        })
      }
    }
    return token
  }

  /** Checks the profile's token against api.video. */
  async verify(reference: string): Promise<VerifyOutcome> {
    const entry = await this.loader.entry(reference)
    try {
      const result = await entry.session.verify()
      return { ok: true, latencyMs: result.latencyMs, videoCount: result.videoCount }
    } catch (error) {
      if (!isAppError(error)) throw error
      return { ok: false, error: { kind: error.kind, message: error.message } }
    }
  }

  /** Renames a profile; names are unique regardless of case. */
  async rename(reference: string, newName: string): Promise<ProfileView> {
    this.file.assertWritable()
    const entry = this.registry.resolve(reference)
    const name = parseName(newName)
    const old = entry.profile.name
    await this.mutate((document) => {
      this.file.assertNameFree(name, entry.profile.id, document)
      return {
        ...document,
        profiles: document.profiles.map((p) => (p.id === entry.profile.id ? { ...p, name } : p)),
      }
    })
    this.events.record(entry.profile, { kind: 'renamed', detail: `Renamed from "${old}"` })
    await this.emitProfiles()
    return this.registry.view(entry.profile.id)
  }

  /**
   * Points a profile at another environment. Its tokens belong to the old one, so they are deleted and the
   * profile must sign in again (the remembered API key stays).
   */
  async changeEnvironment(reference: string, environmentInput: string | Environment): Promise<ProfileView> {
    this.file.assertWritable()
    const { profile } = this.registry.resolve(reference)
    const environment = parseEnvironmentInput(environmentInput)
    await this.registry.withProfileLock(profile, () => this.secrets.deleteTokens(profile.id))
    await this.mutate((document) => ({
      ...document,
      profiles: document.profiles.map((p) => (p.id === profile.id ? { ...p, environment } : p)),
    }))
    const changed = this.file.document.profiles.find((p) => p.id === profile.id) ?? {
      ...profile,
      environment,
    }
    await this.loader.renew(changed)
    await this.emitProfiles()
    return this.registry.view(profile.id)
  }

  /** Removes a profile and deletes its keychain entries. */
  async remove(reference: string): Promise<void> {
    this.file.assertWritable()
    const { profile } = this.registry.resolve(reference)
    await this.registry.withProfileLock(profile, () => this.secrets.deleteAll(profile.id))
    await this.mutate((document) => ({
      ...document,
      profiles: document.profiles.filter((p) => p.id !== profile.id),
    }))
    this.registry.delete(profile.id)
    this.events.record(profile, { kind: 'removed', detail: 'Removed, with its keychain entries' })
    await this.emitProfiles()
  }

  /** The current settings. */
  settings(): Settings {
    return this.file.document.settings
  }

  /** Changes some settings; the whole result is validated before anything is written. */
  async updateSettings(patch: SettingsPatch): Promise<Settings> {
    this.file.assertWritable()
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
    const parsed = settingsSchema.safeParse({ ...this.file.document.settings, ...changes })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new InvalidInputError(
        `Invalid setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`.trim(),
      )
    }
    await this.mutate((document) => ({ ...document, settings: parsed.data }))
    this.resume()
    this.events.emit({ type: 'settings', settings: this.file.document.settings })
    return this.file.document.settings
  }

  /** Recent activity, oldest first. */
  activity(): readonly ActivityEntry[] {
    return this.events.activity()
  }

  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: (event: ServiceEvent) => void): () => void {
    return this.events.subscribe(listener)
  }

  /** After sleep or unlock, and after settings change: every session checks at once. */
  resume(): void {
    for (const entry of this.registry.all()) entry.session.check()
  }

  /** Picks up profiles added, renamed or removed by another process (avcm, a second instance). */
  async reload(): Promise<void> {
    await this.loadDocument()
    await this.loader.follow(this.file.document.profiles)
    await this.emitProfiles()
    this.events.emit({ type: 'settings', settings: this.file.document.settings })
  }

  private async tick(): Promise<void> {
    if (await this.file.changedOnDisk())
      await this.reload().catch((error: unknown) => this.events.problem(error))
    this.resume()
  }

  private async loadDocument(): Promise<void> {
    const problem = await this.file.load()
    if (problem !== undefined) this.events.problem(problem)
  }

  private async mutate(change: (document: ProfilesDocument) => ProfilesDocument): Promise<void> {
    const document = await this.file.mutate(change)
    for (const profile of document.profiles) {
      const entry = this.registry.get(profile.id)
      if (entry !== undefined) entry.profile = profile
    }
  }

  /**
   * Announces every profile, with real statuses: in on-demand mode (avcm), nobody listens, and reading every
   * profile's secrets for nobody would cost a command the reads it was built to avoid.
   */
  private async emitProfiles(): Promise<void> {
    if (!this.events.listened()) return
    // A keychain that cannot be used is already a problem announced, and each session shows it.
    await this.loader.everything().catch((error: unknown) => {
      if (!(error instanceof KeychainError)) throw error
    })
    this.events.emit({ type: 'profiles', profiles: this.views() })
  }

  /** Every profile as its session stands; only for profiles whose secrets are loaded (see `list`). */
  private views(): ProfileView[] {
    return this.file.document.profiles.map((profile) => this.registry.view(profile.id))
  }
}
