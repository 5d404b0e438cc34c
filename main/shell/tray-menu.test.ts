import { describe, expect, it } from 'vitest'
import { COPY_FORMATS } from '../core/copy-format-words'
import type { SessionStatus } from '../core/sessions/session-state'
import { ALL_STATUSES, profileView } from './profile-fixtures'
import { TRAY_PROFILE_LIMIT, trayMenu, type TrayItem } from './tray-menu'

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

describe('trayMenu with twenty profiles', () => {
  const profiles = Array.from({ length: 20 }, (_, i) =>
    inStatus(ALL_STATUSES[i % ALL_STATUSES.length] ?? 'valid', `project-${String(i + 1).padStart(2, '0')}`),
  )
  const items = trayMenu({ profiles, problems: [], now: NOW })

  it('lists the first fifteen, in every state, then "More…" opening the window', () => {
    const lines = items.filter((item) => item.type === 'action' && item.id.startsWith('profile:'))
    expect(lines).toHaveLength(TRAY_PROFILE_LIMIT)
    expect(labels(lines)[0]).toBe('project-01 · production · signed out')
    expect(labels(lines)[14]).toBe('project-15 · production · refreshing…')
    expect(labels(items).slice(-4)).toEqual(['More…', '---', 'Open window', 'Quit'])
    expect(find(items, 'more-profiles')).toMatchObject({ action: { kind: 'open-window' } })
    expect(JSON.stringify(items)).not.toContain('project-16')
  })

  it('covers every status among the listed profiles', () => {
    const shown = new Set(profiles.slice(0, TRAY_PROFILE_LIMIT).map((p) => p.session.status))
    expect([...shown].sort()).toEqual([...ALL_STATUSES].sort())
  })

  it('gives every item a unique id and stays plain data', () => {
    const ids: string[] = []
    const walk = (list: readonly TrayItem[]) => {
      for (const item of list) {
        ids.push(item.id)
        if (item.type === 'submenu') walk(item.items)
      }
    }
    walk(items)
    expect(new Set(ids).size).toBe(ids.length)
    expect(JSON.parse(JSON.stringify(items))).toEqual(items)
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
