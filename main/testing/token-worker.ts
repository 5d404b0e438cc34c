import { isAppError } from '../core/errors'
import { createKeytarKeychain } from '../core/secrets/keytar-keychain'
import { CredentialService } from '../core/service/service'

/**
 * A separate process that asks one profile for a token again and again, as a busy script would; it prints
 * one JSON line per request. Arguments: data dir, keychain service, profile, count, minimum validity (s).
 */
async function main(): Promise<void> {
  const [dataDir = '', keychainService = '', profile = '', count = '1', minValid = '0'] =
    process.argv.slice(2)
  const service = new CredentialService({
    dataDir,
    keychain: createKeytarKeychain(keychainService),
    autoRefresh: false,
  })
  await service.start()
  for (let i = 0; i < Number(count); i += 1) {
    try {
      await service.getToken(profile, { minValiditySeconds: Number(minValid) })
      console.log(JSON.stringify({ ok: true }))
    } catch (error) {
      const kind = isAppError(error) ? error.kind : 'internal'
      console.log(
        JSON.stringify({ ok: false, kind, message: error instanceof Error ? error.message : String(error) }),
      )
    }
  }
  service.stop()
}

await main()
