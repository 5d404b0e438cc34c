import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Keychain } from '../../main/core/secrets/keychain'
import { createKeytarKeychain } from '../../main/core/secrets/keytar-keychain'

/**
 * Refuses to run outside scripts/with-private-keychain.sh (`npm run bench` runs inside it), so a benchmark
 * never writes to a person's own keychain.
 */
export function requirePrivateKeychain(): void {
  if (process.env['AVCM_PRIVATE_KEYCHAIN'] !== '1') {
    throw new Error('Benchmarks use the real keychain: run them with `npm run bench`.')
  }
}

type Call = 'get' | 'set' | 'delete' | 'findAll'

/** A keychain that counts the calls made through it, so a benchmark can say how many a refresh costs. */
export class CountingKeychain implements Keychain {
  readonly calls: Record<Call, number> = { get: 0, set: 0, delete: 0, findAll: 0 }

  constructor(private readonly inner: Keychain) {}

  get(account: string): Promise<string | null> {
    this.calls.get += 1
    return this.inner.get(account)
  }

  set(account: string, value: string): Promise<void> {
    this.calls.set += 1
    return this.inner.set(account, value)
  }

  delete(account: string): Promise<boolean> {
    this.calls.delete += 1
    return this.inner.delete(account)
  }

  findAll(): Promise<readonly { readonly account: string; readonly password: string }[]> {
    this.calls.findAll += 1
    return this.inner.findAll()
  }

  /** The counts so far, as a copy. */
  snapshot(): Record<Call, number> {
    return { ...this.calls }
  }
}

/** A real keychain (keytar) on a service name no one else uses, and a temporary data directory. */
export interface Scratch {
  readonly service: string
  /** keytar itself, for baselines. */
  readonly raw: Keychain
  /** The same keychain, counting calls, for the engine. */
  readonly counted: CountingKeychain
  readonly dataDir: string
  /** Deletes every entry of the service and the data directory. */
  dispose(): Promise<void>
}

/** Makes a {@link Scratch}. */
export function scratch(label: string): Scratch {
  requirePrivateKeychain()
  const service = `avcm-bench-${label}-${randomBytes(6).toString('hex')}`
  const raw = createKeytarKeychain(service)
  const dataDir = mkdtempSync(join(tmpdir(), `avcm-bench-${label}-`))
  return {
    service,
    raw,
    counted: new CountingKeychain(raw),
    dataDir,
    dispose: async () => {
      for (const { account } of await raw.findAll()) await raw.delete(account)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Calls per operation, e.g. "3 get + 2 set", from two snapshots. */
export function callsPer(
  before: Record<Call, number>,
  after: Record<Call, number>,
  operations: number,
): string {
  const parts = (Object.keys(after) as Call[])
    .map((call) => [call, (after[call] - before[call]) / operations] as const)
    .filter(([, count]) => count > 0)
    .map(([call, count]) => `${Number.isInteger(count) ? count : count.toFixed(2)} ${call}`)
  return parts.length === 0 ? 'none' : parts.join(' + ')
}
