import { describe, expect, it } from 'vitest'
import { isPaletteShortcut, matchScore, rankProfiles, type Searchable } from './palette-match'

function profile(id: string, name: string, environmentLabel = 'sandbox', demo = false): Searchable {
  return { id, name, environmentLabel, demo }
}

const acme = profile('acme', 'Acme')
const staging = profile('staging', 'Acme staging')
const legacy = profile('legacy', 'Legacy app', 'production')
const customer = profile('customer', 'Customer uploads', 'api.example.com')
const demo = profile('demo', 'Demo', '127.0.0.1:4000', true)
const all = [legacy, staging, acme, customer, demo]

const names = (query: string, defaultId?: string) => rankProfiles(all, query, defaultId).map((p) => p.name)

describe('rankProfiles', () => {
  it('lists every profile for an empty query, the default first, then in the list’s order', () => {
    expect(names('')).toEqual(['Legacy app', 'Acme staging', 'Acme', 'Customer uploads', 'Demo'])
    expect(names('   ', 'acme')).toEqual(['Acme', 'Legacy app', 'Acme staging', 'Customer uploads', 'Demo'])
    expect(names('', 'removed-profile')[0]).toBe('Legacy app')
  })

  it('puts a typed whole name first, then names starting with it, then names holding it', () => {
    expect(names('acme')).toEqual(['Acme', 'Acme staging'])
    expect(names('a')).toEqual(['Acme', 'Acme staging', 'Legacy app', 'Customer uploads'])
    expect(names('app')).toEqual(['Legacy app'])
    expect(names('stag')).toEqual(['Acme staging'])
    const dev = [profile('w', 'Webdev'), profile('m', 'My dev'), profile('d', 'Dev tools')]
    expect(rankProfiles(dev, 'dev').map((p) => p.name)).toEqual(['Dev tools', 'My dev', 'Webdev'])
  })

  it('finds by environment, and needs every typed word to fit', () => {
    expect(names('production')).toEqual(['Legacy app'])
    expect(names('example')).toEqual(['Customer uploads'])
    expect(names('demo')).toEqual(['Demo'])
    expect(names('sandbox acme')).toEqual(['Acme', 'Acme staging'])
    expect(names('acme production')).toEqual([])
  })

  it('ignores case and accents, and accepts letters in order as the weakest fit', () => {
    expect(rankProfiles([profile('e', 'Éclair prod')], 'ECLA')).toHaveLength(1)
    expect(names('acst')).toEqual(['Acme staging'])
    expect(names('zzz')).toEqual([])
  })

  it('breaks a tie by the default profile, then the shorter name', () => {
    const one = profile('one', 'Team videos')
    const two = profile('two', 'Team live')
    expect(rankProfiles([one, two], 'team').map((p) => p.id)).toEqual(['two', 'one'])
    expect(rankProfiles([one, two], 'team', 'one').map((p) => p.id)).toEqual(['one', 'two'])
  })
})

describe('matchScore', () => {
  it('scores a name start above a word start above a middle above the environment', () => {
    const scores = ['acme', 'stag', 'cme', 'sandbox'].map((query) => matchScore(staging, query))
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
    expect(scores.every((score) => score > 0)).toBe(true)
    expect(matchScore(staging, 'prod')).toBe(0)
  })
})

describe('isPaletteShortcut', () => {
  const key = (init: Partial<KeyboardEvent>) => ({
    key: 'k',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...init,
  })

  it('is Ctrl+K off a Mac and ⌘K on a Mac, with no other modifier', () => {
    expect(isPaletteShortcut(key({ ctrlKey: true }), false)).toBe(true)
    expect(isPaletteShortcut(key({ ctrlKey: true, key: 'K' }), false)).toBe(true)
    expect(isPaletteShortcut(key({ metaKey: true }), false)).toBe(false)
    expect(isPaletteShortcut(key({ metaKey: true }), true)).toBe(true)
    expect(isPaletteShortcut(key({ ctrlKey: true }), true)).toBe(false)
    expect(isPaletteShortcut(key({ ctrlKey: true, shiftKey: true }), false)).toBe(false)
    expect(isPaletteShortcut(key({ ctrlKey: true, altKey: true }), false)).toBe(false)
    expect(isPaletteShortcut(key({ ctrlKey: true, key: 'n' }), false)).toBe(false)
    expect(isPaletteShortcut(key({}), false)).toBe(false)
  })
})
