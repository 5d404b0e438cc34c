import type { CredentialService } from '../core/service/service'
import type { ProfileView } from '../core/service/types'
import { startFakeApiVideo, type FakeApiVideo } from '../fake-api/server'

/** The API key the demo's fake server accepts. It opens nothing real, so it is not a secret. */
export const DEMO_API_KEY = 'demo-api-key-not-a-secret'

/** Demo tokens live four minutes, so a newcomer sees the countdown and an automatic refresh at once. */
export const DEMO_TOKEN_LIFETIME_SECONDS = 240

/**
 * Demo mode: the embedded fake api.video server on loopback and a clearly labelled demo profile that uses
 * it. The server lives in memory, so when the app starts again the demo profile is pointed at a new server
 * and signed in again.
 */
export class Demo {
  private server: FakeApiVideo | undefined
  private starting: Promise<FakeApiVideo> | undefined

  constructor(
    private readonly service: CredentialService,
    private readonly lifetimeSeconds = DEMO_TOKEN_LIFETIME_SECONDS,
  ) {}

  /** Whether the fake server is running. */
  running(): boolean {
    return this.server !== undefined
  }

  /** Starts the fake server if needed and adds a demo profile. */
  async start(): Promise<ProfileView> {
    const server = await this.ensureServer()
    return this.service.add({
      name: await this.freeName(),
      environment: server.url,
      apiKey: DEMO_API_KEY,
      rememberApiKey: true,
      demo: true,
    })
  }

  /** At start-up: if demo profiles exist, serves them again from a new fake server. */
  async resume(): Promise<void> {
    const demos = (await this.service.list()).filter((profile) => profile.demo)
    if (demos.length === 0) return
    const server = await this.ensureServer()
    for (const profile of demos) {
      await this.service.changeEnvironment(profile.id, server.url)
      await this.service.signIn(profile.id, DEMO_API_KEY, true)
    }
  }

  /** Stops the fake server (on quit). */
  async stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    this.starting = undefined
    await server?.close()
  }

  private ensureServer(): Promise<FakeApiVideo> {
    this.starting ??= startFakeApiVideo({
      apiKeys: [DEMO_API_KEY],
      accessTokenLifetimeSeconds: this.lifetimeSeconds,
    }).then((server) => {
      this.server = server
      return server
    })
    return this.starting
  }

  private async freeName(): Promise<string> {
    const taken = new Set((await this.service.list()).map((p) => p.name.toLowerCase()))
    for (let n = 1; ; n += 1) {
      const name = n === 1 ? 'Demo (fake api.video)' : `Demo ${n} (fake api.video)`
      if (!taken.has(name.toLowerCase())) return name
    }
  }
}
