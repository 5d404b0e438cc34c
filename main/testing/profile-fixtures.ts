import { baseUrlOf, environmentLabel, type Environment } from '../core/apivideo/environment'
import { SESSION_STATUS } from '../core/common/session-status'
import type { ProfileView } from '../core/service/types'
import type { SessionSnapshot, SessionStatus } from '../core/sessions/session-state'

/** Every session status, for tests that must cover them all: the keys of the one status table. */
export const ALL_STATUSES = Object.keys(SESSION_STATUS) as readonly SessionStatus[]

/**
 * A profile view for tests of pure functions over profiles (the shell's, the CLI's), in production unless `sandbox` or a custom
 * `baseUrl` says otherwise; `session` overrides the snapshot's fields.
 */
export function profileView(
  fields: {
    readonly id?: string
    readonly name?: string
    readonly sandbox?: boolean
    readonly baseUrl?: string
  },
  session: Partial<SessionSnapshot> = {},
): ProfileView {
  const name = fields.name ?? 'acme'
  const environment: Environment =
    fields.baseUrl !== undefined
      ? { kind: 'custom', baseUrl: fields.baseUrl }
      : fields.sandbox === true
        ? { kind: 'sandbox' }
        : { kind: 'production' }
  return {
    id: fields.id ?? `id-${name.toLowerCase().replace(/[^a-z0-9]/g, '')}`,
    name,
    environment,
    environmentLabel: environmentLabel(environment),
    baseUrl: baseUrlOf(environment),
    createdAt: 0,
    demo: false,
    session: {
      status: 'valid',
      expiresAt: undefined,
      issuedAt: undefined,
      lastRefreshedAt: undefined,
      nextRefreshAt: undefined,
      failures: 0,
      lastError: undefined,
      keychainError: undefined,
      remembersApiKey: false,
      ...session,
    },
  }
}
