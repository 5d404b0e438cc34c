/** What a secret is replaced with; the same marker as api.video's redacted error titles. */
export const REDACTED = '[redacted]'

/** Names whose value is a secret, as a header (`Authorization: …`) or a field (`apiKey=…`, `"refreshToken":"…"`). */
const SECRET_NAMES = String.raw`(?:proxy-)?authorization|(?:set-)?cookie|x-api-key|api[-_]?key|access[-_]?token|refresh[-_]?token`

/** A secret name, its separator, and its value: quoted, or the rest of the line. */
const NAMED_VALUE = new RegExp(
  String.raw`\b(${SECRET_NAMES})(["']?\s*[:=]\s*)(?:"[^"\r\n]*"|'[^'\r\n]*'|[^\r\n]*)`,
  'gi',
)

/** `Bearer <credential>`; a plain lower-case word after it ("bearer tokens") is prose, not a credential. */
const BEARER = /\b(Bearer|bearer|BEARER)\s+(?![a-z]+(?![\w.~+/=-]))[\w.~+/-]+=*/g

/** A JWT, or the start of one: the base64url of `{"` begins every JWT header. */
const JWT = /\beyJ[\w-]{8,}(?:\.[\w-]*){0,2}/g

/** The user and password of a URL (`https://user:pass@host`). */
const URL_CREDENTIALS = /\b([a-z][a-z\d+.-]*:\/\/)[^\s/?#@]+@/gi

/**
 * A long random word: 32 or more base64url characters, mixing letters with digits or both cases. api.video
 * API keys, refresh tokens (`def50200…`), the fake server's keys and a local endpoint's URL secret all have
 * this shape; ordinary words (even long kebab-case ones), numbers and profile ids (UUIDs) do not.
 */
const LONG_WORD = /(?<![\w-])[\w-]{32,}(?![\w-])/g
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i

function isRandomWord(word: string): boolean {
  const lower = /[a-z]/.test(word)
  const upper = /[A-Z]/.test(word)
  return !UUID.test(word) && (lower || upper) && (/\d/.test(word) || (lower && upper))
}

/**
 * The text with everything token-shaped replaced by {@link REDACTED}: JWTs, `Bearer` values, API keys and
 * refresh tokens, the values of `Authorization` and cookie headers and of secret-named fields, and the
 * credentials of URLs. Ordinary words, profile names, URLs without secrets and numbers are kept.
 */
export function redact(text: string): string {
  return text
    .replace(NAMED_VALUE, (match: string, name: string, separator: string) => {
      const value = match.slice(name.length + separator.length)
      const quote = value.startsWith('"') || value.startsWith("'") ? value.charAt(0) : ''
      return `${name}${separator}${quote}${REDACTED}${quote}`
    })
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(URL_CREDENTIALS, `$1${REDACTED}@`)
    .replace(LONG_WORD, (word) => (isRandomWord(word) ? REDACTED : word))
}
