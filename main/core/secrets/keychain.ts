/**
 * The OS keychain as the app needs it: one service's entries, by account. The keytar adapter is the real
 * one; the in-memory one serves unit tests.
 */
export interface Keychain {
  get(account: string): Promise<string | null>
  set(account: string, value: string): Promise<void>
  delete(account: string): Promise<boolean>
  /** Every entry of the service, in one call. */
  findAll(): Promise<readonly { readonly account: string; readonly password: string }[]>
}

/** The keychain service name: `AVCM_KEYCHAIN_SERVICE`, or the app's own. Tests use a unique one per run. */
export function keychainService(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const override = env['AVCM_KEYCHAIN_SERVICE']
  return override !== undefined && override !== '' ? override : 'api.video Credential Manager'
}
