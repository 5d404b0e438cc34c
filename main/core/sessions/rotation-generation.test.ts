import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFakeApiVideo, type FakeApiVideo } from '../../fake-api/server'
import { tempDir } from '../../testing/temp-dir'
import { refreshTokenIn } from '../../testing/stored-session'
import { createApiVideoClient } from '../apivideo/client'
import { systemClock } from '../clock'
import { withFileLock } from '../file-lock'
import { MemoryKeychain } from '../secrets/memory-keychain'
import { SecretStore } from '../secrets/secret-store'
import { Session } from './session'

// Two sessions on one keychain and one lock stand for two processes: each keeps its own memory.

let fake: FakeApiVideo
let keychain: MemoryKeychain
let dir: ReturnType<typeof tempDir>
let lockPath: string
let notePath: string

beforeEach(async () => {
  fake = await startFakeApiVideo({ apiKeys: ['key'] })
  keychain = new MemoryKeychain()
  dir = tempDir()
  lockPath = `${dir.path}/p1`
  notePath = `${lockPath}.note`
})
afterEach(async () => {
  await fake.close()
  dir.remove()
})

function makeSession(): Session {
  return new Session({
    profileId: 'p1',
    client: createApiVideoClient({ baseUrl: fake.url, timeoutMs: 5000 }),
    secrets: new SecretStore(keychain),
    withLock: (task) => withFileLock(lockPath, 'a test profile', task),
    clock: systemClock,
    random: () => 0.5,
    leadMs: () => 5 * 60_000,
    remembersApiKey: () => false,
    autoRefresh: false,
    onChange: () => undefined,
    onActivity: () => undefined,
  })
}

/** Another "process" that starts from what the keychain holds now. */
async function secondProcess(): Promise<Session> {
  const session = makeSession()
  session.load(await new SecretStore(keychain).read('p1'))
  return session
}

const stored = () => refreshTokenIn(keychain.entries.get('p1/session'))
/** The generation the note holds: none when the file is missing or cleared (not a generation's 24 hex digits). */
const note = () => {
  const text = existsSync(notePath) ? readFileSync(notePath, 'utf8') : ''
  return /^[0-9a-f]{24}$/.test(text) ? text : undefined
}

/** Keychain reads `task` makes. */
async function readsDuring(task: () => Promise<unknown>): Promise<number> {
  const before = keychain.calls.get
  await task()
  return keychain.calls.get - before
}

describe('rotation generation', () => {
  it('skips the keychain re-read when nobody rotated since this process last wrote', async () => {
    const app = makeSession()
    await app.signIn('key', false)
    expect(await readsDuring(() => app.refreshNow())).toBe(0)
    expect(await readsDuring(() => app.refreshNow())).toBe(0)
    expect(fake.requestsTo('auth/refresh')).toHaveLength(2)
  })

  it('re-reads once another process rotated, and takes its tokens', async () => {
    const app = makeSession()
    await app.signIn('key', false)
    const cli = await secondProcess()
    await cli.refreshNow()
    const posts = fake.requestsTo('auth/refresh').length

    // The app's refresh token was used by the CLI: only the re-read saves it from a rejection.
    expect(await readsDuring(() => app.refreshNow())).toBeGreaterThan(0)
    expect(fake.requestsTo('auth/refresh')).toHaveLength(posts)
    expect((await app.getToken(0)).accessToken).toBe((await cli.getToken(0)).accessToken)
    // Having read it, the app trusts that generation until someone moves it, and rotates from there.
    expect(await readsDuring(() => app.refreshNow())).toBe(0)
    expect(fake.requestsTo('auth/refresh').at(-1)?.refreshToken).not.toBe(stored())
    expect(app.snapshot().lastError).toBeUndefined()
  })

  it('re-reads when the generation file is missing or corrupt', async () => {
    const app = makeSession()
    await app.signIn('key', false)
    rmSync(notePath)
    expect(await readsDuring(() => app.refreshNow())).toBeGreaterThan(0)
    writeFileSync(notePath, 'garbage')
    expect(await readsDuring(() => app.refreshNow())).toBeGreaterThan(0)
    expect(app.snapshot().lastError).toBeUndefined()
  })

  it('sees a rotation that crashed before its generation was written, even with none seen', async () => {
    const app = makeSession()
    await app.signIn('key', false)
    const cli = await secondProcess()
    // The CLI rotates and is killed between its keychain write and its generation write, twice; in between
    // the app reads the keychain under no generation at all.
    await cli.refreshNow()
    rmSync(notePath)
    expect(await readsDuring(() => app.refreshNow())).toBeGreaterThan(0)
    await cli.refreshNow()
    rmSync(notePath)

    expect(await readsDuring(() => app.refreshNow())).toBeGreaterThan(0)
    expect(app.snapshot().lastError).toBeUndefined()
    expect((await app.getToken(0)).accessToken).toBe((await cli.getToken(0)).accessToken)
  })

  it('bumps the generation only after the keychain holds the new refresh token', async () => {
    const app = makeSession()
    await app.signIn('key', false)
    const first = note()
    expect(first).toBeDefined()

    const notesAtWrite: (string | undefined)[] = []
    const set = keychain.set.bind(keychain)
    keychain.set = (account, value) => {
      notesAtWrite.push(note())
      return set(account, value)
    }
    await app.refreshNow()
    expect(notesAtWrite).toEqual([undefined]) // cleared before the write, not yet bumped
    const second = note()
    expect(second).toBeDefined()
    expect(second).not.toBe(first)

    // A write the keychain refuses leaves no generation, so every process re-reads.
    keychain.failNextWrites(1)
    await app.refreshNow()
    expect(note()).toBeUndefined()
  })

  it('a lock holder that does not take the lock argument clears the generation first', async () => {
    const app = makeSession()
    await app.signIn('key', false)
    expect(note()).toBeDefined()
    let during: string | undefined = 'unset'
    await withFileLock(lockPath, 'a deletion', () => {
      during = note()
      return Promise.resolve()
    })
    expect(during).toBeUndefined()
    expect(await readsDuring(() => app.refreshNow())).toBeGreaterThan(0)
  })

  it('recovers when a process that keeps no generation rotated (an older app or avcm during an upgrade)', async () => {
    const app = makeSession()
    await app.signIn('key', false)
    await app.refreshNow()
    const generation = note()
    // The older process: rotates at api.video and writes the keychain, but leaves the generation alone.
    const older = await secondProcess()
    await older.refreshNow()
    writeFileSync(notePath, generation ?? '')
    const rotated = stored()
    const refreshes = fake.requestsTo('auth/refresh').length
    await app.refreshNow()
    // Its own token was refused once; then it took the keychain's, which another process had just rotated.
    const after = fake.requestsTo('auth/refresh').slice(refreshes)
    expect(after[0]?.refreshToken).not.toBe(rotated)
    expect(after.slice(1).every((r) => r.refreshToken === rotated || r.refreshToken === stored())).toBe(true)
    expect(stored()).toBeDefined()
    expect(app.snapshot().status).toBe('valid')
  })
})
