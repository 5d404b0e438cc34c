import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildNodeScript } from '../testing/build-script'
import { tempDir } from '../testing/temp-dir'
import { retryDelay, withFileLock } from './file-lock'

let worker: string
let dir: ReturnType<typeof tempDir>
let lockPath: string

beforeAll(async () => {
  worker = await buildNodeScript(join(import.meta.dirname, '../testing/lock-worker.ts'))
}, 60_000)
beforeEach(() => {
  dir = tempDir()
  lockPath = join(dir.path, 'locks', 'p1')
})
afterEach(() => dir.remove())

/** Runs the lock worker to its end; resolves to what it printed. */
function run(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [worker, lockPath, dir.path, ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error !== null) reject(new Error(`lock worker failed: ${stderr}`, { cause: error }))
        else resolve(stdout.trim())
      },
    )
  })
}

/** Starts the lock worker holding the lock; resolves once it holds it, with the way to kill it -9. */
function holder(): Promise<{ readonly kill: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, lockPath, dir.path, 'hold'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    child.once('error', reject)
    child.stdout.once('data', () =>
      resolve({
        kill: () =>
          new Promise((done) => {
            child.once('exit', () => done())
            child.kill('SIGKILL')
          }),
      }),
    )
  })
}

/** Ages the lock as if its holder had been silent for a minute. */
function ageLock(): void {
  const then = new Date(Date.now() - 60_000)
  utimesSync(`${lockPath}.lock`, then, then)
}

/** Lets pending I/O callbacks and timers due now run, without waiting for any time to pass. */
const turn = () => new Promise((resolve) => setImmediate(resolve))

describe('withFileLock', () => {
  it('lets one process at a time in: three processes × 30 increments, no overlap, none lost', async () => {
    mkdirSync(join(dir.path, 'locks'))
    writeFileSync(join(dir.path, 'counter'), '0')
    const overlaps = await Promise.all([run('count', '30'), run('count', '30'), run('count', '30')])
    expect(overlaps).toEqual(['0', '0', '0'])
    expect(readFileSync(join(dir.path, 'counter'), 'utf8')).toBe('90')
    expect(existsSync(`${lockPath}.lock`)).toBe(false)
  })

  it('takes over the lock of a holder killed with SIGKILL once it has gone stale', async () => {
    const killed = await holder()
    await killed.kill()
    expect(existsSync(`${lockPath}.lock`)).toBe(true)
    ageLock()
    await expect(withFileLock(lockPath, 'a test', () => Promise.resolve('ran'))).resolves.toBe('ran')
    expect(existsSync(`${lockPath}.lock`)).toBe(false)
  })

  it('waits while a live holder keeps its lock fresh, and gets in once it is gone', async () => {
    const live = await holder()
    let ran = false
    const waiting = withFileLock(lockPath, 'a test', () => {
      ran = true
      return Promise.resolve()
    })
    for (let i = 0; i < 20; i += 1) await turn()
    expect(ran).toBe(false)
    await live.kill()
    ageLock()
    await waiting
    expect(ran).toBe(true)
  })

  it('leaves no lock behind when its process exits while holding it', async () => {
    expect(await run('exit')).toBe('held')
    expect(existsSync(`${lockPath}.lock`)).toBe(false)
  })

  it('is excluded by the lock directory an earlier version makes, and takes it over once stale', async () => {
    mkdirSync(`${lockPath}.lock`, { recursive: true })
    let ran = false
    const waiting = withFileLock(lockPath, 'a test', () => {
      ran = true
      return Promise.resolve()
    })
    for (let i = 0; i < 20; i += 1) await turn()
    expect(ran).toBe(false)
    ageLock()
    await waiting
    expect(ran).toBe(true)
    expect(existsSync(`${lockPath}.lock`)).toBe(false)
  })

  it('holds the lock as an empty file, not a directory', async () => {
    await withFileLock(lockPath, 'a test', () => {
      const lock = statSync(`${lockPath}.lock`)
      expect(lock.isFile()).toBe(true)
      expect(lock.size).toBe(0)
      return Promise.resolve()
    })
  })

  it('waits between tries, longer each time up to 150 ms, never spinning', () => {
    expect(retryDelay(0, () => 0)).toBe(5)
    expect(retryDelay(0, () => 0.99)).toBe(10)
    const waits = Array.from({ length: 40 }, (_, attempt) => retryDelay(attempt, () => 0))
    expect(waits).toEqual([...waits].sort((a, b) => a - b))
    expect(waits.at(-1)).toBe(150)
    expect(waits.slice(0, 14).reduce((sum, wait) => sum + wait, 0)).toBeGreaterThan(500)
  })
})
