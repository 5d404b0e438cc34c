import {
  closeSync,
  constants,
  ftruncateSync,
  openSync,
  readSync,
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
 * freed and one allocated on every rotation (docs/PERFORMANCE.md, 1a).
 */
const CLEARED = '-'.repeat(24)

/** Longer notes are read cut short, which equals no value a holder writes. */
const MAX_NOTE_BYTES = 64

/**
 * The note during one holding of the lock: its file is opened at most once, kept open while the lock is
 * held, and closed before it is released. Its calls are synchronous on purpose: a few dozen bytes in the
 * app's own directory take microseconds in-thread, where each asynchronous call costs a trip through libuv's
 * thread pool, and each call saved counts (docs/PERFORMANCE.md, 1a).
 */
class Note implements HeldLock {
  private fd: number | undefined
  /** No note file existed when it was opened. */
  private missing = false
  /** Bytes in the file, when known: a value of that length is written without truncating. */
  private size: number | undefined

  constructor(private readonly file: string) {}

  readNote(): Promise<string | undefined> {
    try {
      const fd = this.open(false)
      if (fd === undefined) return Promise.resolve(undefined)
      const buffer = Buffer.alloc(MAX_NOTE_BYTES)
      const read = readSync(fd, buffer, 0, MAX_NOTE_BYTES, 0)
      this.size = read < MAX_NOTE_BYTES ? read : undefined
      const text = buffer.toString('utf8', 0, read)
      return Promise.resolve(text === '' || text === CLEARED ? undefined : text)
    } catch {
      return Promise.resolve(undefined)
    }
  }

  clearNote(): Promise<void> {
    return this.attempt(() => {
      const fd = this.open(false)
      if (fd !== undefined) this.put(fd, CLEARED)
    })
  }

  writeNote(value: string): Promise<void> {
    return this.attempt(() => this.put(this.open(true), value))
  }

  /** Closes the file, if opened; called before the lock is released. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }

  /** The file, opened once (made if `create`); `undefined` when there is none to open. */
  private open(create: true): number
  private open(create: false): number | undefined
  private open(create: boolean): number | undefined {
    if (this.fd !== undefined || (this.missing && !create)) return this.fd
    try {
      this.fd = openSync(this.file, create ? constants.O_RDWR | constants.O_CREAT : constants.O_RDWR, 0o600)
    } catch (error) {
      if (create || (error as { code?: unknown }).code !== 'ENOENT') throw error
      this.missing = true
    }
    return this.fd
  }

  /** Replaces the file's bytes with `text` in place: no truncation to nothing, and none when the size fits. */
  private put(fd: number, text: string): void {
    const length = writeSync(fd, text, 0)
    if (this.size !== length) ftruncateSync(fd, length)
    this.size = length
  }

  private attempt(write: () => void): Promise<void> {
    try {
      write()
      return Promise.resolve()
    } catch (error) {
      this.size = undefined
      return Promise.reject(asError(error))
    }
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
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
 * The file system proper-lockfile's synchronous API works through (it calls each `<method>Sync`): its
 * `mkdir` and `rmdir` make and remove the lock file above. `rmdirSync` is also what it calls at exit for the
 * locks still held.
 */
const lockFs = {
  mkdirSync: makeLock,
  rmdirSync: removeLock,
  statSync,
  utimesSync,
  realpathSync,
} as unknown as typeof import('node:fs')

/**
 * How long to wait before trying a held lock again: 5 ms growing by 1.3 each try up to 150 ms, each wait
 * stretched by a random 0–100 % so that waiters do not knock in step.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  return Math.min(150, Math.round((1 + random()) * 5 * 1.3 ** attempt))
}

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
  let release: () => void
  for (let attempt = 0; ; attempt += 1) {
    try {
      // The synchronous API, with the waiting done here: the lock's few calls are microseconds in-thread,
      // where the asynchronous one added a trip through the event loop for each (docs/PERFORMANCE.md, 1a).
      release = lockfile.lockSync(path, {
        realpath: false,
        fs: lockFs,
        stale: STALE_MS,
        update: 1_000,
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
      await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt)))
    }
  }
  const note = new Note(`${path}.note`)
  try {
    if (task.length === 0) await note.clearNote()
    return await task(note)
  } finally {
    try {
      note.close()
    } finally {
      try {
        release()
      } catch {
        // Already released: the lock was compromised (see above) and is someone else's now.
      }
    }
  }
}
