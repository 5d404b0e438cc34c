import type { ProfileView } from '../core/service/types'
import type { SessionSnapshot, SessionStatus } from '../core/sessions/session-state'

/** Every session status, for tests that must cover them all. */
export const ALL_STATUSES: readonly SessionStatus[] = [
  'signed-out',
  'valid',
  'refreshing',
  'retrying',
  'expired',
  'needs-sign-in',
]

/** A profile view for tests of the shell's pure functions; `session` overrides the snapshot's fields. */
export function profileView(
  fields: { readonly id?: string; readonly name?: string; readonly sandbox?: boolean },
  session: Partial<SessionSnapshot> = {},
): ProfileView {
  const name = fields.name ?? 'acme'
  return {
    id: fields.id ?? `id-${name.toLowerCase().replace(/[^a-z0-9]/g, '')}`,
    name,
    environment: fields.sandbox === true ? { kind: 'sandbox' } : { kind: 'production' },
    environmentLabel: fields.sandbox === true ? 'sandbox' : 'production',
    baseUrl: fields.sandbox === true ? 'https://sandbox.api.video' : 'https://ws.api.video',
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
