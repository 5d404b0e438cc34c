import { AppError, InvalidInputError } from '../errors'

/** The only address the endpoint binds: loopback IPv4, reachable from this computer alone. */
export const PROXY_HOST = '127.0.0.1'

/** Throws unless `host` (default 127.0.0.1) is 127.0.0.1: the endpoint never listens on another address. */
export function checkHost(host: string | undefined): void {
  if (host === undefined || host === PROXY_HOST) return
  throw new InvalidInputError(
    `The local endpoint listens on ${PROXY_HOST} only, never on "${host.slice(0, 64)}": another address could let other computers use the profile's tokens.`,
  )
}

/** The port to listen on: a whole number from 0 (any free port) to 65535. */
export function checkPort(port: number | undefined): number {
  if (port === undefined) return 0
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidInputError(`The port must be a whole number from 0 to 65535, not ${String(port)}.`)
  }
  return port
}

/**
 * The allowed origins as browsers serialise them (`https://app.example.com`, `http://localhost:5173`):
 * http or https, a host, an optional port, nothing else. Case and a default port are normalised.
 */
export function parseOrigins(origins: readonly string[] | undefined): ReadonlySet<string> {
  const parsed = new Set<string>()
  for (const origin of origins ?? []) {
    let url: URL | undefined
    try {
      url = new URL(origin)
    } catch {
      url = undefined
    }
    const bare =
      url !== undefined &&
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.username === '' &&
      url.password === '' &&
      url.pathname === '/' &&
      url.search === '' &&
      url.hash === '' &&
      !/\/$/.test(origin)
    if (url === undefined || !bare) {
      throw new InvalidInputError(
        `"${origin.slice(0, 100)}" is not an origin: write it as scheme://host[:port], for example http://localhost:5173.`,
      )
    }
    parsed.add(url.origin)
  }
  return parsed
}

/** The upstream base URL, parsed; http or https only, without credentials, query or fragment. */
export function parseUpstream(upstream: string): URL {
  let url: URL
  try {
    url = new URL(upstream)
  } catch {
    throw new InvalidInputError(`"${upstream.slice(0, 100)}" is not a base URL.`)
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== ''
  ) {
    throw new InvalidInputError(`"${upstream.slice(0, 100)}" is not an http(s) base URL.`)
  }
  return url
}

/** The port asked for is taken by another program. */
export class PortInUseError extends AppError<'port-in-use'> {
  constructor(readonly port: number) {
    super('port-in-use', `Port ${port} on ${PROXY_HOST} is already in use: choose another port.`)
    this.name = 'PortInUseError'
  }
}

/** The port asked for cannot be used (a privileged port, or refused by the system). */
export class PortUnavailableError extends AppError<'port-unavailable'> {
  constructor(
    readonly port: number,
    code: string,
  ) {
    super(
      'port-unavailable',
      code === 'EACCES'
        ? `Port ${port} on ${PROXY_HOST} needs privileges this program does not have: choose a port above 1023.`
        : `Port ${port} on ${PROXY_HOST} cannot be used (${code}): choose another port.`,
    )
    this.name = 'PortUnavailableError'
  }
}
