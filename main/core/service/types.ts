import type { Environment } from '../apivideo/environment'
import type { CopyFormat } from '../common/copy-format-words'
import type { ErrorKind } from '../common/error-kinds'
import type { Settings } from '../profiles/schema'
import type { SessionSnapshot } from '../sessions/session-state'
import type { ActivityEntry } from './activity-log'

/** A profile as both fronts show it: no secret in it. */
export interface ProfileView {
  readonly id: string
  readonly name: string
  readonly environment: Environment
  /** "production", "sandbox" or the custom host. */
  readonly environmentLabel: string
  readonly baseUrl: string
  readonly createdAt: number
  /** Served by the embedded fake api.video server, not a real project. */
  readonly demo: boolean
  readonly session: SessionSnapshot
}

/** A problem found at start-up or since, that the person should see. */
export interface ServiceProblem {
  readonly kind: ErrorKind
  readonly message: string
}

/** What changed, for subscribers. */
export type ServiceEvent =
  | { readonly type: 'profile'; readonly profile: ProfileView }
  | { readonly type: 'profiles'; readonly profiles: readonly ProfileView[] }
  | { readonly type: 'settings'; readonly settings: Settings }
  | { readonly type: 'activity'; readonly entry: ActivityEntry }
  | { readonly type: 'problems'; readonly problems: readonly ServiceProblem[] }

/** What `add` takes from a person. */
export interface AddProfileInput {
  readonly name: string
  /** "production", "sandbox", a base URL, or an already parsed environment. */
  readonly environment: string | Environment
  readonly apiKey: string
  readonly rememberApiKey?: boolean
  /** Marks the demo profile (set only by the demo, never from the renderer). */
  readonly demo?: boolean
}

/** The result of verify. */
export type VerifyOutcome =
  | { readonly ok: true; readonly latencyMs: number; readonly videoCount: number | undefined }
  | { readonly ok: false; readonly error: ServiceProblem }

/** How a copied or printed token is used, for the activity log (`proxy`: lent to a local endpoint). */
export type TokenPurpose = CopyPurpose | 'print' | 'reveal' | 'proxy'

/** A copy in one of the formats: `copy-curl`. */
export type CopyPurpose = `copy-${CopyFormat}`
