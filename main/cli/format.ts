import type { ProfileView } from '../core/service/types'

/** "54 min", "1 h 05 min", "<1 min", or "expired 3 min ago": how long a token stays valid. */
export function formatTimeLeft(expiresAt: number | undefined, now: number): string {
  if (expiresAt === undefined) return '—'
  const ms = expiresAt - now
  if (ms <= 0) return `expired ${formatDuration(-ms)} ago`
  return formatDuration(ms)
}

/** A duration in minutes (rounded), hours from 60 minutes on. */
export function formatDuration(ms: number): string {
  if (ms < 30_000) return '<1 min'
  const minutes = Math.round(ms / 60_000)
  if (minutes <= 60) return `${minutes} min`
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`
}

/** Human words for a session status. */
export function statusText(profile: ProfileView): string {
  switch (profile.session.status) {
    case 'needs-sign-in':
      return 'needs sign-in'
    case 'signed-out':
      return 'signed out'
    default:
      return profile.session.status
  }
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
