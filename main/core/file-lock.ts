import {
  closeSync,
  constants,
  ftruncateSync,
  openSync,
  readFileSync,
  realpathSync,
  rmdirSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import lockfile from 'proper-lockfile'
import { AppError } from './errors'

/**
 * How long a holder may go silent before its lock counts as abandoned (a crashed or killed process). The
 * holder touches the lock every second, so only a dead holder (or one frozen for seconds) goes stale.
 */
const STALE_MS = 5_000

/** Another process held the lock for longer than we were willing to wait. */
export class LockTimeoutError extends AppError<'lock-timeout'> {
  constructor(what: string) {
    super('lock-timeout', `Another process has been busy with ${what} for too long; try again in a moment.`)
    this.name = 'LockTimeoutError'
  }
}

/**
 * What a holder of the lock may do with the lock's note: a small non-secret file beside the lock
 * (`<path>.note`), read and written only under the lock. A task that takes this argument may keep the note
 * across its holding; a task that does not (`task.length === 0`) cannot vouch for it, so the note is cleared
 * before such a task runs.
 */
export interface HeldLock {
  /** The note, or `undefined` when there is none, it was cleared, or it cannot be read. */
  readNote(): Promise<string | undefined>
  /** Clears the note (before changing what it speaks for). */
  clearNote(): Promise<void>
  /**
   * Writes the note in place. Not atomic, and need not be when every value has one length and is never the
   * cleared note's: a torn write leaves a mix of the cleared note and the new value, which equals no value a
   * holder ever wrote; and `clearNote` runs first whenever what the note speaks for changes.
   */
  writeNote(value: string): Promise<void>
}

/**
 * What a cleared note holds: no value a holder writes (they are hex), and as long as one, so that clearing
 * and writing rewrite the same bytes of the same file. Deleting the file and making a new one cost an inode
 * freed and one allocated on every rotation (measured: ~80 µs against ~25 µs; docs/PERFORMANCE.md, 1a).
 */
const CLEARED = '-'.repeat(24)

/** Replaces the file's bytes with `text` in place: no new file unless `create`, no truncation to nothing. */
function overwrite(file: string, text: string, create: boolean): void {
  const fd = openSync(file, create ? constants.O_RDWR | constants.O_CREAT : constants.O_RDWR, 0o600)
  try {
    writeSync(fd, text, 0)
    ftruncateSync(fd, Buffer.byteLength(text))
  } finally {
    closeSync(fd)
  }
}

/**
 * The note's file operations are synchronous on purpose: a few dozen bytes in the app's own directory take
 * microseconds in-thread, where each asynchronous call costs a trip through libuv's thread pool (measured:
 * read 3 µs against 50 µs, write 40 µs against 110 µs; docs/PERFORMANCE.md, 1a).
 */
function heldLock(path: string): HeldLock {
  const note = `${path}.note`
  return {
    readNote: () => {
      try {
        const text = readFileSync(note, 'utf8')
        return Promise.resolve(text === CLEARED ? undefined : text)
      } catch {
        return Promise.resolve(undefined)
      }
    },
    clearNote: () => {
      try {
        overwrite(note, CLEARED, false)
      } catch (error) {
        // No note, nothing to clear.
        if ((error as { code?: unknown }).code !== 'ENOENT') return Promise.reject(asError(error))
      }
      return Promise.resolve()
    },
    writeNote: (value) => {
      try {
        overwrite(note, value, true)
        return Promise.resolve()
      } catch (error) {
        return Promise.reject(asError(error))
      }
    },
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

/** Calls `call` in-thread and answers Node-callback style on the next tick (a stand-in for an `fs` method). */
function inThread(call: (...args: never[]) => unknown) {
  return (...args: unknown[]): void => {
    const callback = args.pop() as (error: unknown, result?: unknown) => void
    let result: unknown
    let failure: unknown
    try {
      result = call(...(args as never[]))
    } catch (error) {
      failure = error ?? new Error('fs call failed')
    }
    process.nextTick(() => (failure === undefined ? callback(null, result) : callback(failure)))
  }
}

/**
 * Makes the lock as an empty file, created only if no file or directory has the name (`O_EXCL`): as atomic
 * as proper-lockfile's `mkdir`, and just as exclusive against a process that still makes the directory. The
 * difference is the cost: a directory takes a data block that `rmdir` frees, and on a file system mounted
 * with `discard` (measured: ext4) each `mkdir` + `rmdir` took 0.1–2 ms, an empty file's create and unlink
 * about 20 µs (docs/PERFORMANCE.md, 1a).
 */
function makeLock(path: string): void {
  closeSync(openSync(path, 'wx', 0o600))
}

/** Removes the lock, a file, or the directory an earlier version (or a killed one) left. */
function removeLock(path: string): void {
  try {
    unlinkSync(path)
  } catch (error) {
    const code = (error as { code?: unknown }).code
    // Linux answers EISDIR for a directory, macOS EPERM.
    if (code !== 'EISDIR' && code !== 'EPERM') throw error
    rmdirSync(path)
  }
}

/**
 * The file system proper-lockfile works through: its `mkdir` and `rmdir` make and remove the lock file
 * above, and every call is made in-thread for the reason the note's are (each is a few microseconds on the
 * lock, against a thread-pool trip each). `rmdirSync` is what it calls at exit for the locks still held.
 */
const lockFs = {
  mkdir: inThread(makeLock),
  rmdir: inThread(removeLock),
  rmdirSync: removeLock,
  stat: inThread(statSync),
  utimes: inThread(utimesSync),
  realpath: inThread(realpathSync),
} as unknown as typeof import('node:fs')

/** Directories this process already made sure of; a lock in one that vanished makes it again. */
const madeDirectories = new Set<string>()

/**
 * Runs `task` while holding an exclusive lock on `path` across processes (proper-lockfile, on `<path>.lock`
 * made as an empty file: created only if absent, kept fresh while held, taken over once stale, so a killed
 * holder cannot block others for more than {@link STALE_MS}).
 */
export async function withFileLock<T>(
  path: string,
  what: string,
  task: (held: HeldLock) => Promise<T>,
  waitMs = 45_000,
): Promise<T> {
  const directory = dirname(path)
  if (!madeDirectories.has(directory)) {
    await mkdir(directory, { recursive: true, mode: 0o700 })
    madeDirectories.add(directory)
  }
  const started = Date.now()
  let release: (() => Promise<void>) | undefined
  for (;;) {
    try {
      release = await lockfile.lock(path, {
        realpath: false,
        fs: lockFs,
        stale: STALE_MS,
        update: 1_000,
        retries: { retries: 40, factor: 1.3, minTimeout: 5, maxTimeout: 150, randomize: true },
        onCompromised: () => {
          // The lock went stale while we held it (the machine slept, say). The task is already running;
          // finishing it is safer than crashing, and the re-read after locking protects the next holder.
        },
      })
      break
    } catch (error) {
      const code = (error as { code?: unknown }).code
      if (code === 'ENOENT' && madeDirectories.delete(directory)) {
        await mkdir(directory, { recursive: true, mode: 0o700 })
        madeDirectories.add(directory)
        continue
      }
      if (code !== 'ELOCKED') throw error
      if (Date.now() - started > waitMs) throw new LockTimeoutError(what)
    }
  }
  try {
    const held = heldLock(path)
    if (task.length === 0) await held.clearNote()
    return await task(held)
  } finally {
    await release().catch(() => undefined)
  }
}
