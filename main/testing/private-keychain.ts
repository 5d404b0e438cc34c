import { randomBytes } from 'node:crypto'
import { expect } from 'vitest'

/**
 * Fails the test unless it runs inside the private, throwaway keyring of scripts/with-private-keychain.sh
 * (which `npm test` uses), so a test never writes to a person's own keychain.
 */
export function requirePrivateKeychain(): void {
  expect(
    process.env['AVCM_PRIVATE_KEYCHAIN'],
    'This test uses the real keychain: run it through `npm test` or `bash scripts/with-private-keychain.sh npx vitest run`.',
  ).toBe('1')
}

/** A keychain service name no one else uses, for one test run. */
export function uniqueKeychainService(): string {
  return `avcm-test-${randomBytes(6).toString('hex')}`
}
