/** Tokens as api.video's auth endpoints answer them. */
export interface RawGrant {
  readonly accessToken: string
  readonly refreshToken: string
  readonly expiresIn: number
}

/** One raw `fetch` POST with a JSON body, the response read as JSON: the floor under the engine's client. */
async function post(
  url: string,
  body: Readonly<Record<string, string>>,
  send: typeof fetch = fetch,
): Promise<RawGrant> {
  const response = await send(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  const json = (await response.json()) as Record<string, unknown>
  const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn } = json
  if (
    !response.ok ||
    typeof accessToken !== 'string' ||
    typeof refreshToken !== 'string' ||
    typeof expiresIn !== 'number'
  ) {
    throw new Error(`POST ${url} answered ${response.status}`)
  }
  return { accessToken, refreshToken, expiresIn }
}

/** `POST /auth/api-key` with raw fetch. */
export function rawSignIn(baseUrl: string, apiKey: string): Promise<RawGrant> {
  return post(`${baseUrl}/auth/api-key`, { apiKey })
}

/** A chain of raw `POST /auth/refresh` calls, each presenting the refresh token the previous one got. */
export class RawRefresher {
  private constructor(
    private readonly baseUrl: string,
    private refreshToken: string,
    private readonly send: typeof fetch,
  ) {}

  /** Signs in with raw fetch and returns the chain; its refreshes go through `send` (default: fetch). */
  static async signIn(baseUrl: string, apiKey: string, send: typeof fetch = fetch): Promise<RawRefresher> {
    return new RawRefresher(baseUrl, (await rawSignIn(baseUrl, apiKey)).refreshToken, send)
  }

  /** One rotation. */
  async refresh(): Promise<RawGrant> {
    const grant = await post(`${this.baseUrl}/auth/refresh`, { refreshToken: this.refreshToken }, this.send)
    this.refreshToken = grant.refreshToken
    return grant
  }
}
