import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { withFileLock } from '../core/file-lock'

/** Lets every other process run a while: a few trips through the event loop and the thread pool. */
async function yieldAWhile(): Promise<void> {
  for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve))
}

/**
 * A separate process for main/core/file-lock.test.ts. Arguments: the lock's path, a directory, a mode.
 * `count N`: N times, under the lock, marks itself inside (a file only one holder at a time can create),
 * increments the counter file in the directory, and leaves; prints the number of overlaps it saw.
 * `hold`: takes the lock, prints "held" and waits to be killed. `exit`: takes the lock and exits inside it.
 */
async function main(): Promise<void> {
  const [lockPath = '', directory = '', mode = '', rounds = '0'] = process.argv.slice(2)
  const inside = join(directory, 'inside')
  const counter = join(directory, 'counter')
  if (mode === 'hold' || mode === 'exit') {
    await withFileLock(lockPath, 'a test', async () => {
      console.log('held')
      if (mode === 'exit') process.exit(0)
      // Held until killed: a timer keeps the process alive (the lock's own timer does not).
      await new Promise(() => setInterval(() => undefined, 60_000))
    })
    return
  }
  let overlaps = 0
  for (let i = 0; i < Number(rounds); i += 1) {
    await withFileLock(lockPath, 'a test', async () => {
      try {
        closeSync(openSync(inside, 'wx'))
      } catch {
        overlaps += 1
      }
      const value = Number(readFileSync(counter, 'utf8'))
      await yieldAWhile()
      writeFileSync(counter, String(value + 1))
      try {
        unlinkSync(inside)
      } catch {
        // Another holder inside at the same time already removed it: counted above.
      }
    })
  }
  console.log(String(overlaps))
}

await main()
