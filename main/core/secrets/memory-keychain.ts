import type { Keychain } from './keychain'

type Call = 'get' | 'set' | 'delete' | 'findAll'

/** An in-memory keychain for unit tests, which can be told to fail like a real one. */
export class MemoryKeychain implements Keychain {
  readonly entries = new Map<string, string>()
  /** When set, every call fails with this message (as libsecret would). */
  failWith: string | undefined
  /** When true, reads answer null and writes fail, as a locked keyring can. */
  locked = false
  readonly calls: Record<Call, number> = { get: 0, set: 0, delete: 0, findAll: 0 }
  private failingWrites = { message: '', remaining: 0 }

  /** Makes the next `times` writes fail with `message`. */
  failNextWrites(times: number, message = 'Cannot create an item in a locked collection'): void {
    this.failingWrites = { message, remaining: times }
  }

  get(account: string): Promise<string | null> {
    return this.run('get', () => (this.locked ? null : (this.entries.get(account) ?? null)))
  }

  set(account: string, value: string): Promise<void> {
    return this.run('set', () => {
      if (this.locked) throw new Error('Cannot create an item in a locked collection')
      if (this.failingWrites.remaining > 0) {
        this.failingWrites.remaining -= 1
        throw new Error(this.failingWrites.message)
      }
      this.entries.set(account, value)
    })
  }

  delete(account: string): Promise<boolean> {
    // Like gnome-keyring: a locked collection deletes nothing and reports no error.
    return this.run('delete', () => !this.locked && this.entries.delete(account))
  }

  findAll(): Promise<{ account: string; password: string }[]> {
    return this.run('findAll', () =>
      this.locked ? [] : [...this.entries].map(([account, password]) => ({ account, password })),
    )
  }

  private run<T>(call: Call, body: () => T): Promise<T> {
    this.calls[call] += 1
    try {
      if (this.failWith !== undefined) throw new Error(this.failWith)
      return Promise.resolve(body())
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    }
  }
}
