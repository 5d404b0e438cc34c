import { canIssueToken } from '../../core/common/session-status'
import { COPY_FORMAT_WORDS, COPY_FORMATS, type CopyFormat } from '../../core/common/copy-format-words'
import type { ProfileView, ServiceProblem } from '../../core/service/types'
import { trayStatus } from './profile-status'
import { groupProfiles, TRAY_GROUPING_THRESHOLD, type GroupedProfiles } from './groups'

/** What clicking a tray item does; the tray adapter maps each kind to a call. */
export type TrayAction =
  | { readonly kind: 'copy'; readonly profileId: string; readonly format: CopyFormat }
  | { readonly kind: 'refresh'; readonly profileId: string }
  | { readonly kind: 'verify'; readonly profileId: string }
  | { readonly kind: 'start-endpoint'; readonly profileId: string }
  | { readonly kind: 'stop-endpoint'; readonly profileId: string }
  | { readonly kind: 'copy-endpoint'; readonly profileId: string }
  | { readonly kind: 'open-window'; readonly profileId?: string }
  | { readonly kind: 'quit' }

/** One item of the tray menu: serialisable, with an id that stays the same from one render to the next. */
export type TrayItem =
  | { readonly type: 'separator'; readonly id: string }
  | { readonly type: 'label'; readonly id: string; readonly label: string }
  | {
      readonly type: 'action'
      readonly id: string
      readonly label: string
      readonly enabled: boolean
      readonly action: TrayAction
    }
  | {
      readonly type: 'submenu'
      readonly id: string
      readonly label: string
      readonly items: readonly TrayItem[]
    }

/** What the tray menu is drawn from. */
export interface TrayMenuState {
  readonly profiles: readonly ProfileView[]
  readonly problems: readonly ServiceProblem[]
  readonly now: number
  /**
   * The profiles whose local endpoint runs (none when absent). Only their ids: an endpoint's URL carries its
   * secret, and a menu label is read by screen readers, other processes (Linux menus go over D-Bus) and
   * screenshots, so the menu offers to copy the URL and never shows it.
   */
  readonly endpoints?: ReadonlySet<string>
}

const separator = (id: string): TrayItem => ({ type: 'separator', id })
const action = (id: string, label: string, act: TrayAction, enabled = true): TrayItem => ({
  type: 'action',
  id,
  label,
  enabled,
  action: act,
})

/**
 * The tray menu as a pure function of state. Each profile is one line, "name · environment · 42 min left",
 * whose click copies a token (or, when only a person can fix the profile, opens it in the window), followed
 * by a submenu with every copy format, refresh, verify and the local endpoint (start, or stop and copy its
 * URL). Then "Open window" and "Quit".
 *
 * Past {@link TRAY_GROUPING_THRESHOLD} profiles, those needing attention come first under "Needs attention",
 * and the others go into one submenu per environment, where their lines leave the environment out. A
 * profile's items keep their ids wherever it is shown.
 */
export function trayMenu(state: TrayMenuState): TrayItem[] {
  const items: TrayItem[] = []
  const [problem] = state.problems
  if (problem !== undefined) {
    const label =
      problem.kind === 'keychain-unavailable'
        ? 'Keychain unavailable: open the window for details'
        : 'A problem needs attention: open the window'
    items.push(action('problem', label, { kind: 'open-window' }), separator('problem-separator'))
  }
  if (state.profiles.length === 0) {
    items.push(
      { type: 'label', id: 'no-profiles', label: 'No profiles yet' },
      action('add-profile', 'Add a profile…', { kind: 'open-window' }),
    )
  }
  const endpoints = state.endpoints ?? new Set<string>()
  const entry: ProfileEntry = (profile, inGroup) =>
    profileItems(profile, state.now, endpoints.has(profile.id), inGroup)
  if (state.profiles.length <= TRAY_GROUPING_THRESHOLD) {
    for (const profile of state.profiles) items.push(...entry(profile, false))
  } else {
    items.push(...groupedItems(groupProfiles(state.profiles, state.now), entry))
  }
  items.push(
    separator('app-separator'),
    action('open-window', 'Open window', { kind: 'open-window' }),
    action('quit', 'Quit', { kind: 'quit' }),
  )
  return items
}

/** A profile's line and submenu; `inGroup` when it is drawn in its environment's submenu. */
type ProfileEntry = (profile: ProfileView, inGroup: boolean) => TrayItem[]

function groupedItems({ attention, groups }: GroupedProfiles, entry: ProfileEntry): TrayItem[] {
  const items: TrayItem[] = []
  if (attention.length > 0) {
    items.push({ type: 'label', id: 'attention', label: 'Needs attention' })
    for (const profile of attention) items.push(...entry(profile, false))
    if (groups.length > 0) items.push(separator('attention-separator'))
  }
  for (const group of groups) {
    items.push({
      type: 'submenu',
      id: `group:${group.key}`,
      label: `${group.label} (${group.profiles.length})`,
      items: group.profiles.flatMap((profile) => entry(profile, true)),
    })
  }
  return items
}

function profileItems(
  profile: ProfileView,
  now: number,
  endpointRuns: boolean,
  inGroup: boolean,
): TrayItem[] {
  const id = `profile:${profile.id}`
  const profileId = profile.id
  const { status } = profile.session
  const usable = canIssueToken(status)
  const line = inGroup
    ? `${profile.name} · ${trayStatus(profile, now)}`
    : `${profile.name} · ${profile.environmentLabel} · ${trayStatus(profile, now)}`
  const copyFormat = (format: CopyFormat): TrayItem =>
    action(
      `${id}:copy-${format}`,
      COPY_FORMAT_WORDS[format].menuItem,
      { kind: 'copy', profileId, format },
      usable,
    )
  return [
    action(
      id,
      line,
      usable ? { kind: 'copy', profileId, format: 'token' } : { kind: 'open-window', profileId },
    ),
    {
      type: 'submenu',
      id: `${id}:more`,
      label: `More for ${profile.name}`,
      items: [
        ...COPY_FORMATS.map(copyFormat),
        separator(`${id}:separator`),
        action(
          `${id}:refresh`,
          'Refresh now',
          { kind: 'refresh', profileId },
          usable && status !== 'refreshing',
        ),
        action(`${id}:verify`, 'Verify', { kind: 'verify', profileId }, usable),
        separator(`${id}:endpoint-separator`),
        ...(endpointRuns
          ? [
              action(`${id}:stop-endpoint`, 'Stop local endpoint', { kind: 'stop-endpoint', profileId }),
              action(`${id}:copy-endpoint`, 'Copy local endpoint URL', { kind: 'copy-endpoint', profileId }),
            ]
          : [
              action(
                `${id}:start-endpoint`,
                'Start local endpoint',
                { kind: 'start-endpoint', profileId },
                usable,
              ),
            ]),
        separator(`${id}:open-separator`),
        action(`${id}:open`, usable ? 'Open in window' : 'Sign in…', { kind: 'open-window', profileId }),
      ],
    },
  ]
}
