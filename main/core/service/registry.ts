import { join } from 'node:path'
import { createApiVideoClient, type ApiVideoClient } from '../apivideo/client'
import { baseUrlOf, baseUrlRefusal, environmentLabel, type Environment } from '../apivideo/environment'
import type { Clock } from '../clock'
import type { AppError } from '../errors'
import { withFileLock } from '../file-lock'
import { semaphore } from '../semaphore'
import { findByReference } from '../profiles/name-key'
import type { Profile } from '../profiles/schema'
import type { SecretStore } from '../secrets/secret-store'
import { Session, type SessionActivity } from '../sessions/session'
import { ProfileNotFoundError } from './inputs'
import type { ProfileView } from './types'

/** How many refreshes (or sign-ins) run at once in one process. */
export const MAX_CONCURRENT_REFRESHES = 4

/** One profile and its live session. */
export interface Entry {
  profile: Profile
  readonly session: Session
  /** Why the profile may not be used as stored (its base URL breaks the rule), if so. */
  readonly refusal: AppError | undefined
}

/** What every session is built with. */
export interface RegistryDeps {
  readonly dataDir: string
  readonly secrets: SecretStore
  readonly clock: Clock
  readonly random: () => number
  readonly fetch: typeof fetch | undefined
  readonly requestTimeoutMs: number | undefined
  readonly autoRefresh: boolean
  readonly leadMs: () => number
  readonly onChange: (id: string) => void
  readonly onActivity: (profile: Profile, activity: SessionActivity) => void
}

/** The profiles in memory, each with its session, found by id or by name. */
export class Registry {
  private readonly entries = new Map<string, Entry>()
  /** At most this many refreshes or sign-ins at once, so a hundred profiles expiring together stay polite. */
  private readonly refreshes = semaphore(MAX_CONCURRENT_REFRESHES)

  constructor(private readonly deps: RegistryDeps) {}

  /**
   * Creates the session of a profile (not yet loaded). The stored base URL is checked here with the rule a
   * typed one follows; a profile that breaks it keeps its place, but its session refuses every use.
   */
  add(profile: Profile): Entry {
    const refusal = baseUrlRefusal(baseUrlOf(profile.environment))
    const entry: Entry = {
      profile,
      refusal,
      session: new Session({
        profileId: profile.id,
        client: this.clientFor(profile.environment),
        secrets: this.deps.secrets,
        withLock: (task) => this.refreshes(() => this.withProfileLock(profile, task)),
        clock: this.deps.clock,
        random: this.deps.random,
        leadMs: this.deps.leadMs,
        remembersApiKey: () => this.entries.get(profile.id)?.profile.rememberApiKey ?? profile.rememberApiKey,
        autoRefresh: this.deps.autoRefresh,
        onChange: () => {
          if (this.entries.has(profile.id)) this.deps.onChange(profile.id)
        },
        onActivity: (activity) =>
          this.deps.onActivity(this.entries.get(profile.id)?.profile ?? profile, activity),
        refusal,
      }),
    }
    this.entries.set(profile.id, entry)
    return entry
  }

  /**
   * Runs `task` holding the profile's cross-process lock: every write of the profile's keychain entries, and
   * any read that must not overlap one, happens under it.
   */
  withProfileLock<T>(profile: Pick<Profile, 'id' | 'name'>, task: () => Promise<T>): Promise<T> {
    return withFileLock(join(this.deps.dataDir, 'locks', profile.id), `"${profile.name}"`, task)
  }

  /** Replaces a profile's session, for a profile whose environment changed. */
  replace(profile: Profile): Entry {
    this.delete(profile.id)
    return this.add(profile)
  }

  /** Forgets a profile and stops its session. */
  delete(id: string): void {
    this.entries.get(id)?.session.dispose()
    this.entries.delete(id)
  }

  /** Waits, for at most `timeoutMs`, until no session has a refresh or sign-in in flight. */
  async idle(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs)
    })
    await Promise.race([
      Promise.all([...this.entries.values()].map((entry) => entry.session.idle())),
      deadline,
    ])
    clearTimeout(timer)
  }

  /** Every entry. */
  all(): IterableIterator<Entry> {
    return this.entries.values()
  }

  /** Ids of every entry. */
  ids(): string[] {
    return [...this.entries.keys()]
  }

  /** The entry with this id, if any. */
  get(id: string): Entry | undefined {
    return this.entries.get(id)
  }

  /** The entry with this id, or this name (case-insensitive). */
  resolve(reference: string): Entry {
    const profiles = [...this.entries.values()].map((entry) => entry.profile)
    const found = findByReference(profiles, reference)
    const entry = found === undefined ? undefined : this.entries.get(found.id)
    if (entry === undefined) throw new ProfileNotFoundError(reference)
    return entry
  }

  /** A profile as the fronts show it. */
  view(id: string): ProfileView {
    const entry = this.entries.get(id)
    if (entry === undefined) throw new ProfileNotFoundError(id)
    const { profile } = entry
    return {
      id: profile.id,
      name: profile.name,
      environment: profile.environment,
      environmentLabel: environmentLabel(profile.environment),
      baseUrl: baseUrlOf(profile.environment),
      createdAt: profile.createdAt,
      demo: profile.demo,
      session: entry.session.snapshot(),
    }
  }

  /** A client for an environment, with the service's transport options. */
  clientFor(environment: Environment): ApiVideoClient {
    return createApiVideoClient({
      baseUrl: baseUrlOf(environment),
      clock: this.deps.clock,
      ...(this.deps.fetch === undefined ? {} : { fetch: this.deps.fetch }),
      ...(this.deps.requestTimeoutMs === undefined ? {} : { timeoutMs: this.deps.requestTimeoutMs }),
    })
  }
}
