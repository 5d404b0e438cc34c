import { formatAgo, formatDuration } from '../core/common/durations'
import type { ProfileView } from '../core/service/types'

/**
 * How long a profile's token stays valid, for the CLI's columns and sentences: "54 min", "1 h 5 min",
 * "expired 3 min ago", or "—" without a token.
 */
export function validityLeft(expiresAt: number | undefined, now: number): string {
  if (expiresAt === undefined) return '—'
  const ms = expiresAt - now
  return ms > 0 ? formatDuration(ms) : `expired ${formatAgo(-ms, expiresAt)}`
}

/** A plain text table with left-aligned columns. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)].join('\n')
}

/** A profile as JSON for scripts: no secret in it. */
export function profileJson(profile: ProfileView): object {
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString())
  const { session } = profile
  return {
    id: profile.id,
    name: profile.name,
    environment: profile.environment.kind,
    baseUrl: profile.baseUrl,
    status: session.status,
    expiresAt: iso(session.expiresAt),
    lastRefreshedAt: iso(session.lastRefreshedAt),
    nextRefreshAt: iso(session.nextRefreshAt),
    remembersApiKey: session.remembersApiKey,
    lastError:
      session.lastError === undefined
        ? null
        : { kind: session.lastError.kind, message: session.lastError.message },
    keychainError: session.keychainError === undefined ? null : session.keychainError.message,
  }
}
