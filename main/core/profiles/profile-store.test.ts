import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../testing/temp-dir'
import { ProfilesFileCorruptError, ProfilesFileTooNewError, ProfileStore } from './profile-store'
import { DEFAULT_SETTINGS, type Profile } from './schema'

let dir: ReturnType<typeof tempDir>
let store: ProfileStore
const clock = { now: () => Date.UTC(2026, 11, 1, 12, 0, 0) }

beforeEach(() => {
  dir = tempDir()
  store = new ProfileStore(dir.path, clock)
})
afterEach(() => dir.remove())

const profile = (id: string, name: string): Profile => ({
  id,
  name,
  environment: { kind: 'sandbox' },
  createdAt: 1,
  rememberApiKey: false,
  demo: false,
})

describe('ProfileStore', () => {
  it('starts empty with default settings when there is no file', async () => {
    expect(await store.read()).toEqual({ version: 1, profiles: [], settings: DEFAULT_SETTINGS })
    expect(DEFAULT_SETTINGS).toMatchObject({
      autoRefreshLeadMinutes: 5,
      minValidityMinutes: 10,
      clipboardClearSeconds: 30,
      launchAtLogin: false,
      theme: 'system',
    })
  })

  it('writes atomically, readable only by the owner, and reads back what it wrote', async () => {
    await store.update((document) => ({
      document: { ...document, profiles: [profile('profile-0001', 'Acme')] },
      result: undefined,
    }))
    expect((await store.read()).profiles.map((p) => p.name)).toEqual(['Acme'])
    expect(readdirSync(dir.path).filter((f) => !f.startsWith('profiles.json'))).toEqual([])
    expect(statSync(store.filePath).mode & 0o777).toBe(0o600)
  })

  it('loses no update when two writers (two processes) change it at once', async () => {
    const other = new ProfileStore(dir.path, clock)
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? store : other).update((document) => ({
          document: {
            ...document,
            profiles: [...document.profiles, profile(`profile-${String(i).padStart(4, '0')}`, `P${i}`)],
          },
          result: undefined,
        })),
      ),
    )
    expect((await store.read()).profiles).toHaveLength(20)
  })

  it('writes nothing when the change throws', async () => {
    await expect(
      store.update(() => {
        throw new Error('no')
      }),
    ).rejects.toThrow('no')
    expect(readdirSync(dir.path).filter((f) => f.endsWith('.json'))).toEqual([])
  })

  it.each([
    ['not JSON', '{"version":1,"profiles":[', /it is not valid JSON/],
    ['the wrong shape', '{"version":1,"profiles":[{"id":"x"}]}', /at profiles\.0/],
    [
      'a duplicate name',
      JSON.stringify({ version: 1, profiles: [profile('aaaaaaaa', 'A'), profile('bbbbbbbb', 'a')] }),
      /two profiles are named/,
    ],
    [
      'an invalid setting',
      '{"version":1,"profiles":[],"settings":{"autoRefreshLeadMinutes":99}}',
      /settings\.autoRefreshLeadMinutes/,
    ],
  ])('moves a file with %s aside, byte for byte, and reports it', async (_name, content, reason) => {
    writeFileSync(store.filePath, content)
    const error = await store.read().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProfilesFileCorruptError)
    const corrupt = error as ProfilesFileCorruptError
    expect(corrupt.kind).toBe('profiles-file-corrupt')
    expect(corrupt.message).toMatch(reason)
    expect(corrupt.message).toContain(corrupt.movedTo)
    expect(readFileSync(corrupt.movedTo, 'utf8')).toBe(content)
    expect(corrupt.movedTo).toMatch(/profiles\.corrupt-2026-12-01T12-00-00-000Z-\d+\.json$/)
    // The next start finds no file and begins empty; the moved file is never replaced.
    expect((await store.read()).profiles).toEqual([])
  })

  it('leaves a file from a newer version alone', async () => {
    writeFileSync(store.filePath, '{"version":2,"profiles":[]}')
    await expect(store.read()).rejects.toBeInstanceOf(ProfilesFileTooNewError)
    expect(readFileSync(store.filePath, 'utf8')).toBe('{"version":2,"profiles":[]}')
    expect(readdirSync(dir.path)).toEqual(['profiles.json'])
  })

  it('keeps settings written by an older version and fills in new ones', async () => {
    writeFileSync(join(dir.path, 'profiles.json'), '{"version":1,"profiles":[],"settings":{"theme":"dark"}}')
    expect((await store.read()).settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' })
  })
})
