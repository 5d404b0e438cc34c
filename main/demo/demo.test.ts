import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemoryKeychain } from '../core/secrets/memory-keychain'
import { CredentialService } from '../core/service/service'
import { tempDir } from '../testing/temp-dir'
import { Demo } from './demo'

let dir: ReturnType<typeof tempDir>
let keychain: MemoryKeychain
const services: CredentialService[] = []
const demos: Demo[] = []

beforeEach(() => {
  dir = tempDir()
  keychain = new MemoryKeychain()
})
afterEach(async () => {
  for (const demo of demos.splice(0)) await demo.stop()
  for (const service of services.splice(0)) service.stop()
  dir.remove()
})

async function app(): Promise<{ service: CredentialService; demo: Demo }> {
  const service = new CredentialService({ dataDir: dir.path, keychain })
  await service.start()
  const demo = new Demo(service)
  services.push(service)
  demos.push(demo)
  return { service, demo }
}

describe('Demo', () => {
  it('starts the fake server on loopback and adds a labelled demo profile with short-lived tokens', async () => {
    const { service, demo } = await app()
    expect(demo.running()).toBe(false)
    const profile = await demo.start()
    expect(demo.running()).toBe(true)
    expect(profile).toMatchObject({ name: 'Demo (fake api.video)', demo: true, session: { status: 'valid' } })
    expect(profile.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const lifetime = (profile.session.expiresAt ?? 0) - (profile.session.issuedAt ?? 0)
    expect(lifetime).toBe(240_000)
    await expect(service.verify(profile.id)).resolves.toMatchObject({ ok: true })
    expect((await demo.start()).name).toBe('Demo 2 (fake api.video)')
  })

  it('serves the demo profile again after a restart', async () => {
    const first = await app()
    const created = await first.demo.start()
    await first.demo.stop()
    first.service.stop()

    const second = await app()
    await second.demo.resume()
    const resumed = second.service.find(created.id)
    expect(resumed.baseUrl).not.toBe(created.baseUrl)
    expect(resumed.session.status).toBe('valid')
    await expect(second.service.verify(created.id)).resolves.toMatchObject({ ok: true })
  })
})
