import type { CopyFormat } from './common/copy-format-words'
import { AppError } from './errors'

// The formats are listed, with their words, in copy-format-words.ts; this file shapes the text of each.
export { COPY_FORMATS, type CopyFormat } from './common/copy-format-words'

/** The server's access token is not a bearer token, so it is not put into a header or a shell line. */
export class UnsafeTokenError extends AppError<'unsafe-token'> {
  constructor() {
    super(
      'unsafe-token',
      'The server sent an access token with characters a bearer token cannot have, so it is not put into a ' +
        'header, a curl example or an export line. Check that this profile points at the right server.',
    )
    this.name = 'UnsafeTokenError'
  }
}

/**
 * The text put on the clipboard for a token in one of the formats. The token itself is copied as it is;
 * the other formats take only an RFC 6750 bearer token (a JWT is one), so a hostile server cannot smuggle a
 * second header line or shell syntax into them, and every value in a shell line is quoted besides.
 */
export function formatForCopy(format: CopyFormat, accessToken: string, baseUrl: string): string {
  switch (format) {
    case 'token':
      return accessToken
    case 'header':
      return `Authorization: Bearer ${bearer(accessToken)}`
    case 'curl':
      return [
        'curl -H',
        shellQuote(`Authorization: Bearer ${bearer(accessToken)}`),
        shellQuote(`${baseUrl}/videos?currentPage=1&pageSize=10`),
      ].join(' ')
    case 'export':
      return `export APIVIDEO_ACCESS_TOKEN=${shellQuote(bearer(accessToken))}`
  }
}

/** RFC 6750's b64token: what an `Authorization: Bearer` value may be made of. */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/

function bearer(token: string): string {
  if (!BEARER_TOKEN.test(token)) throw new UnsafeTokenError()
  return token
}

/**
 * `value` as one shell word that stands for exactly `value`: bare when it holds only characters no shell
 * treats specially, otherwise in single quotes, with each `'` and `\` written outside them as `\'` and `\\`.
 * That reads the same in POSIX shells, bash and zsh, and in fish, where `\` is special inside single quotes.
 */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value
  return `'${value.replace(/['\\]/g, (character) => `'\\${character}'`)}'`
}
