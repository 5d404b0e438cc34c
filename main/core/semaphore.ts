/** Runs a task under some exclusion or limit; resolves to what the task resolves to. */
export type Guard = <T>(task: () => Promise<T>) => Promise<T>

/**
 * At most `limit` tasks at once, the others waiting in order. With a limit of 1 it is a mutex.
 */
export function semaphore(limit: number): Guard {
  let running = 0
  const waiting: (() => void)[] = []
  const release = (): void => {
    running -= 1
    waiting.shift()?.()
  }
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    running += 1
    try {
      return await task()
    } finally {
      release()
    }
  }
}
