import type { ProfileView } from '../../core/service/types'
import { profileHealth } from './health'

/** Up to this many profiles the tray lists them one by one; past it, it groups them by environment. */
export const TRAY_GROUPING_THRESHOLD = 10

/** One environment's submenu: production, sandbox, or one custom host. */
export interface TrayGroup {
  /** The same from one render to the next: `production`, `sandbox` or `custom:<host>`. */
  readonly key: string
  /** "Production", "Sandbox" or the custom host. */
  readonly label: string
  readonly profiles: readonly ProfileView[]
}

/** The profiles of a long tray menu, each in exactly one place. */
export interface GroupedProfiles {
  /** The profiles that turn the tray icon amber or red (see `profileHealth`), in list order. */
  readonly attention: readonly ProfileView[]
  /** Every other profile, by environment: production, sandbox, then custom hosts in alphabetical order. */
  readonly groups: readonly TrayGroup[]
}

/**
 * Splits the profiles into those needing attention and, for the rest, one group per environment. Within each
 * part profiles keep the list's order, so the menu only changes when a profile's state or environment does.
 */
export function groupProfiles(profiles: readonly ProfileView[], now: number): GroupedProfiles {
  const attention: ProfileView[] = []
  const byKey = new Map<string, { readonly label: string; readonly profiles: ProfileView[] }>()
  for (const profile of profiles) {
    if (profileHealth(profile, now) !== 'ok') {
      attention.push(profile)
      continue
    }
    const { key, label } = environmentGroup(profile)
    const group = byKey.get(key) ?? { label, profiles: [] }
    group.profiles.push(profile)
    byKey.set(key, group)
  }
  const groups = [...byKey].map(([key, group]): TrayGroup => ({ key, ...group }))
  return { attention, groups: groups.sort(groupOrder) }
}

function environmentGroup(profile: ProfileView): { readonly key: string; readonly label: string } {
  switch (profile.environment.kind) {
    case 'production':
      return { key: 'production', label: 'Production' }
    case 'sandbox':
      return { key: 'sandbox', label: 'Sandbox' }
    case 'custom':
      return { key: `custom:${profile.environmentLabel}`, label: profile.environmentLabel }
  }
}

const RANK: Readonly<Record<string, number>> = { production: 0, sandbox: 1 }

/** Production, then sandbox, then custom hosts by code point (not by locale, so every machine agrees). */
function groupOrder(a: TrayGroup, b: TrayGroup): number {
  const rank = (RANK[a.key] ?? 2) - (RANK[b.key] ?? 2)
  if (rank !== 0) return rank
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0
}
