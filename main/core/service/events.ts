import type { Clock } from '../clock'
import { isAppError } from '../errors'
import type { Profile } from '../profiles/schema'
import { ActivityLog, type ActivityEntry } from './activity-log'
import type { ServiceEvent, ServiceProblem } from './types'

/** The service's outward voice: subscribers, the activity log and the list of problems. */
export class ServiceEvents {
  private readonly listeners = new Set<(event: ServiceEvent) => void>()
  private readonly log = new ActivityLog()
  private problemList: ServiceProblem[] = []

  constructor(private readonly clock: Clock) {}

  /** Calls `listener` on every event; returns the function that stops it. */
  subscribe(listener: (event: ServiceEvent) => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /** Whether anyone subscribes, so an event that costs something to build is built only for someone. */
  listened(): boolean {
    return this.listeners.size > 0
  }

  /** Sends an event to every subscriber; one failing subscriber cannot stop the others or the engine. */
  emit(event: ServiceEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch {
        // Ignored on purpose: see above.
      }
    }
  }

  /** Adds a line to the activity log and announces it. */
  record(profile: Profile, entry: Pick<ActivityEntry, 'kind' | 'detail' | 'fingerprint'>): void {
    const added = this.log.add({
      at: this.clock.now(),
      profileId: profile.id,
      profileName: profile.name,
      kind: entry.kind,
      detail: entry.detail,
      ...(entry.fingerprint === undefined ? {} : { fingerprint: entry.fingerprint }),
    })
    this.emit({ type: 'activity', entry: added })
  }

  /** Recent activity, oldest first. */
  activity(): readonly ActivityEntry[] {
    return this.log.list()
  }

  /** Adds a problem the person should see, and announces the list. */
  problem(error: unknown): void {
    const problem: ServiceProblem = isAppError(error)
      ? { kind: error.kind, message: error.message }
      : { kind: 'internal', message: error instanceof Error ? error.message : String(error) }
    this.problemList = [...this.problemList, problem]
    this.emit({ type: 'problems', problems: this.problemList })
  }

  /** Problems so far. */
  problems(): readonly ServiceProblem[] {
    return this.problemList
  }
}
