import { AppError, InvalidInputError } from '../errors'

/** Where a profile's api.video project lives. */
export type Environment =
  | { readonly kind: 'production' }
  | { readonly kind: 'sandbox' }
  | { readonly kind: 'custom'; readonly baseUrl: string }

/** api.video's production base URL. */
export const PRODUCTION_BASE_URL = 'https://ws.api.video'
/** api.video's sandbox base URL. */
export const SANDBOX_BASE_URL = 'https://sandbox.api.video'

/** The base URL (no trailing slash) requests for this environment go to. */
export function baseUrlOf(environment: Environment): string {
  switch (environment.kind) {
    case 'production':
      return PRODUCTION_BASE_URL
    case 'sandbox':
      return SANDBOX_BASE_URL
    case 'custom':
      return environment.baseUrl
  }
}

/** A short label for lists and menus: "production", "sandbox" or the custom host. */
export function environmentLabel(environment: Environment): string {
  return environment.kind === 'custom' ? new URL(environment.baseUrl).host : environment.kind
}

/**
 * True for `localhost`, 127.0.0.0/8 and ::1: the only hosts a custom base URL may reach over plain http.
 * Expects a host name as the URL parser normalises it (`127.1` becomes `127.0.0.1`, IPv6 is compressed).
 * Not `*.localhost` nor `localhost.`: outside systemd-resolved such names may be asked of DNS. Not the
 * IPv4-mapped `::ffff:127.0.0.1` either: it reaches loopback only through a dual-stack socket, and nobody
 * needs a second spelling of 127.0.0.1.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host === '::1') return true
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255)
}

/**
 * Parses what a person typed for an environment: `production`, `sandbox`, or a base URL. A custom URL must be
 * https (http only to a loopback address), carry no credentials, query or fragment; it is normalised without
 * a trailing slash, and the two official URLs map to their named environments.
 */
export function parseEnvironment(input: string): Environment {
  const text = input.trim()
  const lower = text.toLowerCase()
  if (lower === 'production' || lower === 'prod') return { kind: 'production' }
  if (lower === 'sandbox') return { kind: 'sandbox' }
  const baseUrl = normaliseCustomBaseUrl(text)
  if (baseUrl === PRODUCTION_BASE_URL) return { kind: 'production' }
  if (baseUrl === SANDBOX_BASE_URL) return { kind: 'sandbox' }
  return { kind: 'custom', baseUrl }
}

function normaliseCustomBaseUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InvalidInputError(
      `"${text.slice(0, 100)}" is neither "production", "sandbox" nor a URL such as https://api.example.com.`,
    )
  }
  const problem = baseUrlProblem(url)
  if (problem !== undefined) throw new InvalidInputError(problem)
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/** The one rule for a base URL, typed or stored: why requests may not go to it, or undefined when they may. */
function baseUrlProblem(url: URL): string | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `A base URL must start with https:// (got ${url.protocol}).`
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return 'A base URL must use https://; plain http:// is allowed only to this computer (localhost, 127.0.0.1, [::1]).'
  }
  if (url.username !== '' || url.password !== '') {
    return 'A base URL must not contain a user name or password.'
  }
  if (url.search !== '' || url.hash !== '') {
    return 'A base URL must not contain a query (?…) or a fragment (#…).'
  }
  return undefined
}

/** A stored profile's base URL breaks the rule a typed one must follow: nothing is sent to it. */
export class BaseUrlNotAllowedError extends AppError<'base-url-not-allowed'> {
  constructor(shownUrl: string, problem: string) {
    super(
      'base-url-not-allowed',
      `This profile's base URL ${shownUrl} is not allowed: ${problem} ` +
        'Remove the profile, or correct its base URL in profiles.json.',
    )
    this.name = 'BaseUrlNotAllowedError'
  }
}

/**
 * Why requests may not go to this base URL, which came from somewhere other than a person's typing (the
 * profiles file), or undefined when they may. The same rule as {@link parseEnvironment}'s.
 */
export function baseUrlRefusal(baseUrl: string): BaseUrlNotAllowedError | undefined {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    return new BaseUrlNotAllowedError('(unreadable)', 'It is not a URL.')
  }
  const problem = baseUrlProblem(url)
  // Shown without a user name, password, query or fragment, which could hold a secret.
  const shownUrl = `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`.slice(0, 200)
  return problem === undefined ? undefined : new BaseUrlNotAllowedError(shownUrl, problem)
}
