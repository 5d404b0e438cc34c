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
 * Runs `task` while holding an exclusive lock on `path` across processes (proper-lockfile: an atomic
 * `mkdir` of `<path>.lock`, kept fresh while held, taken over once stale, so a killed holder cannot block
 * others for more than {@link STALE_MS}).
 */
export async function withFileLock<T>(
  path: string,
  what: string,
  task: () => Promise<T>,
  waitMs = 45_000,
): Promise<T> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 })
  const started = Date.now()
  let release: (() => Promise<void>) | undefined
  for (;;) {
    try {
      release = await lockfile.lock(path, {
        realpath: false,
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
      if ((error as { code?: unknown }).code !== 'ELOCKED') throw error
      if (Date.now() - started > waitMs) throw new LockTimeoutError(what)
    }
  }
  try {
    return await task()
  } finally {
    await release().catch(() => undefined)
  }
}
