/** Kinds of activity a person can see in the log. */
export type ActivityKind =
  | 'added'
  | 'signed-in'
  | 'refreshed'
  | 'copied'
  | 'verified'
  | 'failed'
  | 'renamed'
  | 'removed'
  | 'keychain-recovered'

/** One line of the activity log. A token appears only as its fingerprint. */
export interface ActivityEntry {
  readonly id: number
  readonly at: number
  readonly profileId: string
  readonly profileName: string
  readonly kind: ActivityKind
  readonly detail: string
  readonly fingerprint?: string
}

/** The most recent events, newest last, in memory only. */
export class ActivityLog {
  private readonly entries: ActivityEntry[] = []
  private nextId = 1

  constructor(private readonly capacity = 200) {}

  /** Adds an entry and returns it. */
  add(entry: Omit<ActivityEntry, 'id'>): ActivityEntry {
    const full = { ...entry, id: this.nextId }
    this.nextId += 1
    this.entries.push(full)
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity)
    return full
  }

  /** Every entry kept, oldest first. */
  list(): readonly ActivityEntry[] {
    return [...this.entries]
  }
}
