import type { Environment } from '../../main/core/apivideo/environment'
import type { Host } from '../browser/host'
import { GOOD_KEY, OTHER_KEY } from '../browser/host'

/**
 * Three profiles in different states, as a person might have them: one valid, one whose refresh keeps
 * failing (retrying, its old token still good), one whose refresh token api.video rejected.
 */
export async function threeProfiles(
  host: Host,
  environments: readonly [Environment | string, Environment | string, Environment | string] = [
    host.fake.url,
    host.fake.url,
    host.fake.url,
  ],
): Promise<void> {
  const { service, fake } = host
  await service.add({ name: 'Acme', environment: environments[0], apiKey: GOOD_KEY })
  const staging = await service.add({ name: 'Acme staging', environment: environments[1], apiKey: OTHER_KEY })
  const legacy = await service.add({ name: 'Legacy app', environment: environments[2], apiKey: GOOD_KEY })

  fake.inject('auth/refresh', { kind: 'status', status: 503, body: '' }, 1)
  await service.refresh(staging.id).catch(() => undefined)
  fake.revokeRefreshTokens()
  await service.refresh(legacy.id).catch(() => undefined)
}
