import { randomBytes } from 'node:crypto'

/** What the fake server knows about a refresh token it issued. */
interface RefreshRecord {
  readonly apiKey: string
  used: boolean
}

/** The outcome of presenting a refresh token. */
export type RefreshOutcome = 'rotated' | 'reused' | 'unknown' | 'revoked'

/** A token pair, as `POST /auth/*` returns it. */
export interface IssuedTokens {
  readonly accessToken: string
  readonly refreshToken: string
  readonly expiresIn: number
}

const MAX_REMEMBERED_REFRESH_TOKENS = 50_000

/**
 * The fake's token book: opaque single-use refresh tokens and expiring access tokens, each sized like
 * api.video's (700–900 characters). Used refresh tokens are remembered so a second use is recognised.
 */
export class TokenBook {
  private readonly refreshTokens = new Map<string, RefreshRecord>()
  private readonly revoked = new Set<string>()
  private readonly accessTokens = new Map<string, { apiKey: string; expiresAt: number }>()

  constructor(private readonly now: () => number) {}

  /** Issues a fresh pair for `apiKey`, valid for `lifetimeSeconds`. */
  issue(apiKey: string, lifetimeSeconds: number): IssuedTokens {
    const accessToken = jwtShapedToken(this.now(), lifetimeSeconds)
    const refreshToken = `def50200${randomBytes(400).toString('hex')}`
    this.accessTokens.set(accessToken, { apiKey, expiresAt: this.now() + lifetimeSeconds * 1000 })
    this.refreshTokens.set(refreshToken, { apiKey, used: false })
    this.prune()
    return { accessToken, refreshToken, expiresIn: lifetimeSeconds }
  }

  /** Uses up a refresh token. Only `rotated` may be followed by {@link issue}. */
  redeem(refreshToken: string, keyStillValid: (apiKey: string) => boolean): RefreshOutcome {
    if (this.revoked.has(refreshToken)) return 'revoked'
    const record = this.refreshTokens.get(refreshToken)
    if (record === undefined) return 'unknown'
    if (record.used) return 'reused'
    record.used = true
    return keyStillValid(record.apiKey) ? 'rotated' : 'revoked'
  }

  /** The API key a refresh token was issued for, if any. */
  apiKeyOf(refreshToken: string): string | undefined {
    return this.refreshTokens.get(refreshToken)?.apiKey
  }

  /** Invalidates every outstanding refresh token (as if the project's sessions were revoked). */
  revokeAllRefreshTokens(): number {
    let count = 0
    for (const [token, record] of this.refreshTokens) {
      if (!record.used) {
        this.revoked.add(token)
        count += 1
      }
    }
    return count
  }

  /** Makes every access token issued so far expire now. */
  expireAllAccessTokens(): void {
    const now = this.now()
    for (const record of this.accessTokens.values()) record.expiresAt = Math.min(record.expiresAt, now)
  }

  /** Whether `accessToken` was issued here, for a still-accepted key, and has not expired. */
  isAccessTokenValid(accessToken: string, keyStillValid: (apiKey: string) => boolean): boolean {
    const record = this.accessTokens.get(accessToken)
    return record !== undefined && record.expiresAt > this.now() && keyStillValid(record.apiKey)
  }

  private prune(): void {
    for (const map of [this.refreshTokens, this.accessTokens] as Map<string, unknown>[]) {
      while (map.size > MAX_REMEMBERED_REFRESH_TOKENS) {
        const oldest = map.keys().next()
        if (oldest.done === true) break
        map.delete(oldest.value)
      }
    }
  }
}

function jwtShapedToken(nowMs: number, lifetimeSeconds: number): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  const iat = Math.floor(nowMs / 1000)
  const header = encode({ typ: 'JWT', alg: 'RS256', jti: randomBytes(32).toString('hex') })
  const payload = encode({
    aud: 'fake-api.video',
    jti: randomBytes(16).toString('hex'),
    iat,
    nbf: iat,
    exp: iat + lifetimeSeconds,
    sub: 'fake',
    scopes: ['fake-api.video'],
    context: { user: 'usFakeUser', project: 'prFakeProject', member: 'meFakeMember' },
  })
  return `${header}.${payload}.${randomBytes(256).toString('base64url')}`
}
