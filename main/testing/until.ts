/**
 * Waits until `check` stops throwing, yielding to real I/O between tries without moving fake timers, so
 * tests with a fake clock can wait for real HTTP on loopback and still assert exact times.
 */
export async function until(check: () => void, attempts = 20_000): Promise<void> {
  let lastError: unknown
  for (let i = 0; i < attempts; i += 1) {
    try {
      check()
      return
    } catch (error) {
      lastError = error
    }
    await new Promise((resolve) => setImmediate(resolve))
  }
  throw lastError
}
