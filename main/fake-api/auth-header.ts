/** How a request authenticated itself to an API route, read from its `Authorization` header. */
export type AuthScheme = 'bearer' | 'basic' | 'none' | 'other'

/** What an `Authorization` header presented. The Basic password is never kept, only whether it was empty. */
export interface PresentedAuth {
  readonly scheme: AuthScheme
  /** `Bearer <token>`: the token. */
  readonly bearer?: string
  /** `Basic base64(<apiKey>:)`: the user name, which api.video reads as the API key. */
  readonly apiKey?: string
  /** Basic only: a colon followed by nothing, as api.video's documentation asks (`curl -u key:`). */
  readonly emptyPassword?: boolean
}

/** Reads an `Authorization` header; an empty header (the official Node client's without a key) is `none`. */
export function presentedAuth(header: string | undefined): PresentedAuth {
  const value = (header ?? '').trim()
  if (value === '') return { scheme: 'none' }
  const bearer = /^Bearer (\S+)$/i.exec(value)?.[1]
  if (bearer !== undefined) return { scheme: 'bearer', bearer }
  const encoded = /^Basic +([A-Za-z0-9+/]+={0,2})$/i.exec(value)?.[1]
  if (encoded === undefined) return { scheme: 'other' }
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return { scheme: 'basic', apiKey: decoded, emptyPassword: false }
  return { scheme: 'basic', apiKey: decoded.slice(0, colon), emptyPassword: colon === decoded.length - 1 }
}

/** The header value api.video documents for Basic auth: the API key as user name, an empty password. */
export function basicAuthorization(apiKey: string): string {
  return `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`
}
