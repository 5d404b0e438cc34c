import type { Settings } from '../../../main/core/profiles/schema'
import type { ActivityEntry } from '../../../main/core/service/activity-log'
import type { ProfileView } from '../../../main/core/service/types'
import type { Api, AppEvent, AppState } from '../../../main/ipc/contract'
import { call } from './api'

const MAX_ACTIVITY = 200

/** Everything the window shows, kept current by main's events. */
export class AppStore {
  profiles = $state<readonly ProfileView[]>([])
  settings = $state<Settings | undefined>()
  activity = $state<readonly ActivityEntry[]>([])
  app = $state<AppState | undefined>()
  loaded = $state(false)
  /** The profile a notification asked to show. */
  highlighted = $state<string | undefined>()

  constructor(readonly api: Api) {}

  /** Loads the initial state. */
  async load(): Promise<void> {
    const [profiles, settings, activity, app] = await Promise.all([
      call(this.api.profiles.list()),
      call(this.api.settings.get()),
      call(this.api.activity.list()),
      call(this.api.app.state()),
    ])
    this.profiles = profiles
    this.settings = settings
    this.activity = activity
    this.app = app
    this.loaded = true
  }

  /** Follows main's events until the returned function is called. */
  connect(): () => void {
    return this.api.events.subscribe((event) => this.apply(event))
  }

  /** Applies one event from main. */
  apply(event: AppEvent): void {
    switch (event.type) {
      case 'profile':
        this.profiles = this.profiles.map((p) => (p.id === event.profile.id ? event.profile : p))
        return
      case 'profiles':
        this.profiles = event.profiles
        return
      case 'settings':
        this.settings = event.settings
        return
      case 'activity':
        this.activity = [...this.activity, event.entry].slice(-MAX_ACTIVITY)
        return
      case 'problems':
        if (this.app !== undefined) this.app = { ...this.app, problems: event.problems }
        return
      case 'app':
        this.app = event.state
        return
      case 'navigate':
        this.highlighted = event.profileId
        return
      case 'open-palette': // the palette follows this event itself
        return
    }
  }

  /** Replaces one profile with the fresher view an operation returned. */
  update(profile: ProfileView): void {
    if (this.profiles.some((p) => p.id === profile.id)) {
      this.profiles = this.profiles.map((p) => (p.id === profile.id ? profile : p))
    } else {
      this.profiles = [...this.profiles, profile]
    }
  }

  /** Records what starting or stopping a profile's local endpoint answered, ahead of main's app event. */
  setEndpoint(id: string, url: string | undefined): void {
    if (this.app === undefined) return
    const others = Object.entries(this.app.endpoints).filter(([profileId]) => profileId !== id)
    this.app = {
      ...this.app,
      endpoints: Object.fromEntries(url === undefined ? others : [...others, [id, url]]),
    }
  }

  /** Forgets a removed profile. */
  forget(id: string): void {
    this.profiles = this.profiles.filter((p) => p.id !== id)
  }
}
