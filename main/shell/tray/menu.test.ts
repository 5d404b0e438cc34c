import { describe, expect, it } from 'vitest'
import { COPY_FORMATS } from '../../core/common/copy-format-words'
import type { ProfileView } from '../../core/service/types'
import type { SessionStatus } from '../../core/sessions/session-state'
import { ALL_STATUSES, profileView } from '../../testing/profile-fixtures'
import { trayMenu, type TrayItem, type TrayMenuState } from './menu'

const NOW = Date.UTC(2026, 0, 1, 9, 0, 0)
const MIN = 60_000

/** A profile in `status` as the engine would report it at NOW. */
function inStatus(status: SessionStatus, name = 'acme', sandbox = false) {
  const expiresAt: Record<SessionStatus, number | undefined> = {
    'signed-out': undefined,
    valid: NOW + 42 * MIN + 30_000,
    refreshing: NOW + 4 * MIN,
    retrying: NOW + 12 * MIN,
    expired: NOW - 5 * MIN,
    'needs-sign-in': NOW - 50 * MIN,
  }
  return profileView(
    { name, sandbox },
    {
      status,
      expiresAt: expiresAt[status],
      failures: status === 'retrying' ? 2 : 0,
    },
  )
}

function labels(items: readonly TrayItem[]): string[] {
  return items.map((item) => (item.type === 'separator' ? '---' : item.label))
}

function find(items: readonly TrayItem[], id: string): TrayItem {
  const walk = (list: readonly TrayItem[]): TrayItem | undefined => {
    for (const item of list) {
      if (item.id === id) return item
      const inner = item.type === 'submenu' ? walk(item.items) : undefined
      if (inner !== undefined) return inner
    }
    return undefined
  }
  const found = walk(items)
  if (found === undefined) throw new Error(`no item ${id}`)
  return found
}

describe('trayMenu with no profile', () => {
  it('invites the person to add one, then offers the window and quit', () => {
    const items = trayMenu({ profiles: [], problems: [], now: NOW })
    expect(labels(items)).toEqual(['No profiles yet', 'Add a profile…', '---', 'Open window', 'Quit'])
    expect(find(items, 'add-profile')).toMatchObject({ action: { kind: 'open-window' } })
    expect(find(items, 'quit')).toMatchObject({ enabled: true, action: { kind: 'quit' } })
  })
})

describe('trayMenu with one profile', () => {
  const lines: Record<SessionStatus, string> = {
    valid: 'acme · production · 42 min left',
    refreshing: 'acme · production · refreshing…',
    retrying: 'acme · production · retrying · 12 min left',
    expired: 'acme · production · expired',
    'needs-sign-in': 'acme · production · needs sign-in',
    'signed-out': 'acme · production · signed out',
  }

  it.each(ALL_STATUSES)('shows a %s profile as one line and a submenu', (status) => {
    const profile = inStatus(status)
    const items = trayMenu({ profiles: [profile], problems: [], now: NOW })
    expect(labels(items)).toEqual([lines[status], 'More for acme', '---', 'Open window', 'Quit'])
    const submenu = find(items, `profile:${profile.id}:more`)
    expect(submenu.type === 'submenu' ? labels(submenu.items) : []).toEqual([
      'Copy token',
      'Copy Authorization header',
      'Copy curl example',
      'Copy export line',
      '---',
      'Refresh now',
      'Verify',
      '---',
      'Start local endpoint',
      '---',
      status === 'needs-sign-in' || status === 'signed-out' ? 'Sign in…' : 'Open in window',
    ])
  })

  it.each(['valid', 'refreshing', 'retrying', 'expired'] as const)(
    'copies a token when a %s profile’s line is clicked (refreshing first when needed is the engine’s job)',
    (status) => {
      const profile = inStatus(status)
      const items = trayMenu({ profiles: [profile], problems: [], now: NOW })
      expect(find(items, `profile:${profile.id}`)).toMatchObject({
        enabled: true,
        action: { kind: 'copy', profileId: profile.id, format: 'token' },
      })
      for (const format of COPY_FORMATS) {
        expect(find(items, `profile:${profile.id}:copy-${format}`)).toMatchObject({
          enabled: true,
          action: { kind: 'copy', profileId: profile.id, format },
        })
      }
      expect(find(items, `profile:${profile.id}:verify`)).toMatchObject({ enabled: true })
      expect(find(items, `profile:${profile.id}:start-endpoint`)).toMatchObject({
        enabled: true,
        action: { kind: 'start-endpoint', profileId: profile.id },
      })
      expect(find(items, `profile:${profile.id}:refresh`)).toMatchObject({ enabled: status !== 'refreshing' })
    },
  )

  it.each(['needs-sign-in', 'signed-out'] as const)(
    'opens the window at a %s profile instead of copying, and disables what cannot work',
    (status) => {
      const profile = inStatus(status)
      const items = trayMenu({ profiles: [profile], problems: [], now: NOW })
      expect(find(items, `profile:${profile.id}`)).toMatchObject({
        enabled: true,
        action: { kind: 'open-window', profileId: profile.id },
      })
      for (const suffix of [
        ...COPY_FORMATS.map((format) => `copy-${format}`),
        'refresh',
        'verify',
        'start-endpoint',
      ]) {
        expect(find(items, `profile:${profile.id}:${suffix}`)).toMatchObject({ enabled: false })
      }
    },
  )

  it('names the environment, and counts down from one render to the next with the same ids', () => {
    const profile = inStatus('valid', 'Staging & QA', true)
    const first = trayMenu({ profiles: [profile], problems: [], now: NOW })
    const later = trayMenu({ profiles: [profile], problems: [], now: NOW + 2 * MIN })
    expect(labels(first)[0]).toBe('Staging & QA · sandbox · 42 min left')
    expect(labels(later)[0]).toBe('Staging & QA · sandbox · 40 min left')
    expect(later.map((item) => item.id)).toEqual(first.map((item) => item.id))
  })
})

describe('trayMenu with a local endpoint running', () => {
  const acme = inStatus('valid')
  const globex = inStatus('valid', 'globex')

  function submenu(items: readonly TrayItem[], profileId: string): string[] {
    const more = find(items, `profile:${profileId}:more`)
    return more.type === 'submenu' ? labels(more.items) : []
  }

  it('offers to stop it and to copy its URL, for that profile only', () => {
    const items = trayMenu({
      profiles: [acme, globex],
      problems: [],
      now: NOW,
      endpoints: new Set([acme.id]),
    })
    expect(submenu(items, acme.id).slice(-5)).toEqual([
      '---',
      'Stop local endpoint',
      'Copy local endpoint URL',
      '---',
      'Open in window',
    ])
    expect(find(items, `profile:${acme.id}:stop-endpoint`)).toMatchObject({
      enabled: true,
      action: { kind: 'stop-endpoint', profileId: acme.id },
    })
    expect(find(items, `profile:${acme.id}:copy-endpoint`)).toMatchObject({
      enabled: true,
      action: { kind: 'copy-endpoint', profileId: acme.id },
    })
    expect(submenu(items, globex.id)).toContain('Start local endpoint')
    expect(submenu(items, globex.id)).not.toContain('Stop local endpoint')
  })

  it('lets a profile that needs a sign-in stop its endpoint and copy the URL', () => {
    const blocked = inStatus('needs-sign-in')
    const items = trayMenu({ profiles: [blocked], problems: [], now: NOW, endpoints: new Set([blocked.id]) })
    expect(find(items, `profile:${blocked.id}:stop-endpoint`)).toMatchObject({ enabled: true })
    expect(find(items, `profile:${blocked.id}:copy-endpoint`)).toMatchObject({ enabled: true })
  })

  it('keeps the other items’ ids when an endpoint starts', () => {
    const before = trayMenu({ profiles: [acme], problems: [], now: NOW })
    const after = trayMenu({ profiles: [acme], problems: [], now: NOW, endpoints: new Set([acme.id]) })
    const ids = (items: readonly TrayItem[]) =>
      items.flatMap((item) => (item.type === 'submenu' ? item.items.map((inner) => inner.id) : [item.id]))
    expect(ids(after).filter((id) => !id.endsWith('-endpoint'))).toEqual(
      ids(before).filter((id) => !id.endsWith('-endpoint')),
    )
  })
})

describe('trayMenu with more than ten profiles', () => {
  const CUSTOM = 'https://api.example.com'
  /** Twelve profiles across production, sandbox and a custom host, four of them needing attention. */
  const profiles = (
    [
      ['acme', 'production', 'valid'],
      ['globex', 'sandbox', 'valid'],
      ['initech', 'production', 'needs-sign-in'],
      ['hooli', CUSTOM, 'valid'],
      ['umbrella', 'production', 'refreshing'],
      ['wayne', 'sandbox', 'retrying'],
      ['stark', CUSTOM, 'valid'],
      ['tyrell', 'production', 'valid'],
      ['cyberdyne', 'sandbox', 'expired'],
      ['soylent', 'production', 'valid'],
      ['oscorp', 'sandbox', 'valid'],
      ['aperture', CUSTOM, 'signed-out'],
    ] as const
  ).map(([name, place, status]) => {
    const where = place === 'production' ? {} : place === 'sandbox' ? { sandbox: true } : { baseUrl: place }
    return profileView({ name, ...where }, inStatus(status).session)
  })
  const state = (list: readonly ProfileView[], at = NOW): TrayMenuState => ({
    profiles: list,
    problems: [],
    now: at,
  })
  const items = trayMenu(state(profiles))

  function submenuLabels(list: readonly TrayItem[], id: string): string[] {
    const submenu = find(list, id)
    return submenu.type === 'submenu' ? labels(submenu.items) : []
  }

  /** The ids of every item, depth first. */
  function ids(list: readonly TrayItem[]): string[] {
    return list.flatMap((item) => [item.id, ...(item.type === 'submenu' ? ids(item.items) : [])])
  }

  it('keeps today’s one-line-per-profile menu up to ten profiles, and groups from eleven on', () => {
    const ten = trayMenu(state(profiles.slice(0, 10)))
    expect(labels(ten).slice(0, 6)).toEqual([
      'acme · production · 42 min left',
      'More for acme',
      'globex · sandbox · 42 min left',
      'More for globex',
      'initech · production · needs sign-in',
      'More for initech',
    ])
    expect(labels(ten)).toHaveLength(10 * 2 + 3)
    expect(ids(ten).filter((id) => id.startsWith('group:') || id.startsWith('attention'))).toEqual([])
    const eleven = trayMenu(state(profiles.slice(0, 11)))
    expect(labels(eleven)).toEqual([
      'Needs attention',
      'initech · production · needs sign-in',
      'More for initech',
      'wayne · sandbox · retrying · 12 min left',
      'More for wayne',
      'cyberdyne · sandbox · expired',
      'More for cyberdyne',
      '---',
      'Production (4)',
      'Sandbox (2)',
      'api.example.com (2)',
      '---',
      'Open window',
      'Quit',
    ])
  })

  it('lists the profiles needing attention first, then one submenu per environment', () => {
    expect(labels(items).slice(0, 13)).toEqual([
      'Needs attention',
      'initech · production · needs sign-in',
      'More for initech',
      'wayne · sandbox · retrying · 12 min left',
      'More for wayne',
      'cyberdyne · sandbox · expired',
      'More for cyberdyne',
      'aperture · api.example.com · signed out',
      'More for aperture',
      '---',
      'Production (4)',
      'Sandbox (2)',
      'api.example.com (2)',
    ])
    expect(find(items, 'attention')).toMatchObject({ type: 'label' })
    expect(submenuLabels(items, 'group:production')).toEqual([
      'acme · 42 min left',
      'More for acme',
      'umbrella · refreshing…',
      'More for umbrella',
      'tyrell · 42 min left',
      'More for tyrell',
      'soylent · 42 min left',
      'More for soylent',
    ])
    expect(submenuLabels(items, 'group:sandbox')).toEqual([
      'globex · 42 min left',
      'More for globex',
      'oscorp · 42 min left',
      'More for oscorp',
    ])
    expect(submenuLabels(items, 'group:custom:api.example.com')).toEqual([
      'hooli · 42 min left',
      'More for hooli',
      'stark · 42 min left',
      'More for stark',
    ])
  })

  it('shows every profile exactly once, with every action today’s menu offers for it', () => {
    const endpoints = new Set([profiles[0]?.id ?? '', profiles[2]?.id ?? ''])
    const grouped = trayMenu({ ...state(profiles), endpoints })
    const all = ids(grouped)
    for (const profile of profiles) {
      const single = trayMenu({ ...state([profile]), endpoints })
      const own = (list: string[]) => list.filter((id) => id.startsWith(`profile:${profile.id}`))
      expect(own(all)).toEqual(own(ids(single)))
      // The line copies or opens alike; only its label drops the environment inside a group.
      const line = { ...find(grouped, `profile:${profile.id}`), label: '' }
      expect(line).toEqual({ ...find(single, `profile:${profile.id}`), label: '' })
      expect(find(grouped, `profile:${profile.id}:more`)).toEqual(find(single, `profile:${profile.id}:more`))
    }
    expect(new Set(all).size).toBe(all.length)
    expect(JSON.parse(JSON.stringify(grouped))).toEqual(grouped)
  })

  it('copies a token when a grouped profile’s line is clicked', () => {
    const acme = profiles[0]
    expect(find(items, `profile:${acme?.id ?? ''}`)).toMatchObject({
      label: 'acme · 42 min left',
      enabled: true,
      action: { kind: 'copy', profileId: acme?.id, format: 'token' },
    })
  })

  it('keeps the order and the ids as time passes, and a profile’s ids when it comes to need attention', () => {
    const later = trayMenu(state(profiles, NOW + 2 * MIN))
    expect(ids(later)).toEqual(ids(items))
    expect(labels(later)).toContain('wayne · sandbox · retrying · 10 min left')

    const [acme, ...others] = profiles
    if (acme === undefined) throw new Error('no acme')
    const expired = { ...acme, session: { ...acme.session, status: 'expired' as const } }
    const moved = trayMenu(state([expired, ...others]))
    expect(labels(moved).slice(0, 3)).toEqual([
      'Needs attention',
      'acme · production · expired',
      'More for acme',
    ])
    const own = (list: string[]) => list.filter((id) => id.startsWith(`profile:${acme.id}`))
    expect(own(ids(moved))).toEqual(own(ids(items)))
    expect(submenuLabels(moved, 'group:production')).not.toContain('More for acme')
  })

  it('shows no empty group and no second separator when every profile needs attention', () => {
    const blocked = profiles.map((p) => ({
      ...p,
      session: { ...p.session, status: 'needs-sign-in' as const },
    }))
    const menu = trayMenu(state(blocked))
    expect(labels(menu).slice(-4)).toEqual(['More for aperture', '---', 'Open window', 'Quit'])
    expect(ids(menu).filter((id) => id.startsWith('group:'))).toEqual([])
  })
})

describe('trayMenu with a problem', () => {
  it('puts an unavailable keychain first, opening the window', () => {
    const items = trayMenu({
      profiles: [inStatus('valid')],
      problems: [{ kind: 'keychain-unavailable', message: 'The keychain is locked.' }],
      now: NOW,
    })
    expect(labels(items)[0]).toBe('Keychain unavailable: open the window for details')
    expect(items[0]).toMatchObject({ action: { kind: 'open-window' } })
    expect(items[1]?.type).toBe('separator')
  })
})
