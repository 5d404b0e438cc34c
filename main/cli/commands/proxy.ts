import { isAppError } from '../../core/errors'
import { createLogger } from '../../core/log/logger'
import { startProxy, type ProxyOptions, type RunningProxy } from '../../core/proxy/proxy'
import type { CredentialService } from '../../core/service/service'
import type { ProfileView } from '../../core/service/types'
import { NeedsSignInError } from '../../core/sessions/session-types'
import type { Command, CommandContext } from '../command'
import { UsageError } from '../usage-error'

/** A token handed to the endpoint stays valid at least this long (or half a token's life, if shorter). */
const PROXY_MIN_VALIDITY_SECONDS = 60

export const proxy: Command = {
  usage: 'avcm proxy <name> [--port <n>] [--host 127.0.0.1] [--allow-origin <origin>]…',
  help: `Serves a local endpoint for the profile: every request to it goes to the profile's api.video
environment with a fresh "Authorization: Bearer" token added, so curl, scripts and api.video's own
clients (built without an API key) never hold a secret. Prints its URL, one line, and stays in the
foreground until Ctrl+C or SIGTERM; then it finishes the requests in flight and exits 0.

The URL carries a secret made for this run: only requests that know it get through, and only from this
computer (127.0.0.1). Requests from web pages are refused unless --allow-origin names their origin.
One line per request goes to stderr: method, path, status, time; never a token.

Options:
  --port <n>              listen on this port (default: any free port)
  --host 127.0.0.1        the only address it listens on; any other is refused
  --allow-origin <origin> let web pages from this origin call it (scheme://host[:port]); repeatable

Example:
  avcm proxy acme
  curl http://127.0.0.1:PORT/SECRET/videos     (the URL it printed, then the api.video path)

Exit codes: 1 unknown profile, port in use or invalid option, 2 sign-in needed, 3 api.video unreachable.`,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'allow-origin': { type: 'string', multiple: true },
  },
  positionals: [1, 1],
  async run(context, { positionals, values }) {
    const options = proxyOptions(values)
    // One line per request, with the time and no prefix; the logger redacts anything token-shaped.
    const requests = createLogger({ write: (text) => void context.stderr.write(text) })
    const endpoint = await startProfileProxy(context, positionals[0] ?? '', {
      ...options,
      log: (line) => requests.info(`${new Date().toISOString()} ${line}`),
    })
    context.print(endpoint.url)
    await new Promise<void>((resolve) => {
      let stopping = false
      const restore = takeOverSignals(() => {
        // A second signal while requests finish ends avcm at once, as elsewhere in avcm.
        if (stopping) process.exit(130)
        stopping = true
        void endpoint.close().then(() => {
          restore()
          resolve()
        })
      })
    })
    await (await context.service()).idle()
  },
}

/** The endpoint options from the command line; a malformed one is a usage error. */
function proxyOptions(
  values: Readonly<Record<string, unknown>>,
): Pick<ProxyOptions, 'port' | 'host' | 'allowOrigins'> {
  const port = values['port']
  const host = values['host']
  const origins: unknown = values['allow-origin']
  if (port !== undefined && (typeof port !== 'string' || !/^\d{1,5}$/.test(port) || Number(port) > 65_535)) {
    throw new UsageError('--port takes a port number from 0 to 65535.')
  }
  return {
    ...(typeof port === 'string' ? { port: Number(port) } : {}),
    ...(typeof host === 'string' ? { host } : {}),
    ...(Array.isArray(origins) ? { allowOrigins: origins.filter((o) => typeof o === 'string') } : {}),
  }
}

/**
 * Starts a local endpoint for a profile, with tokens from the engine (single-flight, the cross-process lock
 * and the keychain, so it never races the app or another avcm), and checks that a token can be had now,
 * so a profile that needs a sign-in fails at once rather than on the first request.
 */
export async function startProfileProxy(
  context: CommandContext,
  reference: string,
  options: Omit<ProxyOptions, 'upstream' | 'token'>,
): Promise<RunningProxy> {
  const service = await context.service()
  const profile = service.find(reference)
  service.assertUsable(profile.id)
  const token = profileToken(service, profile)
  const endpoint = await startProxy({ ...options, upstream: profile.baseUrl, token })
  try {
    await token(false)
  } catch (error) {
    await endpoint.close()
    throw error
  }
  return endpoint
}

/** The endpoint's token function: valid a minute at least; `fresh` refreshes first (another process's rotation counts). */
function profileToken(service: CredentialService, profile: ProfileView): ProxyOptions['token'] {
  return async (fresh) => {
    try {
      if (fresh) await service.refresh(profile.id)
      const issued = await service.getToken(profile.id, {
        minValiditySeconds: PROXY_MIN_VALIDITY_SECONDS,
        purpose: 'proxy',
      })
      return issued.accessToken
    } catch (error) {
      if (isAppError(error) && (error.kind === 'needs-sign-in' || error.kind === 'credentials-rejected')) {
        throw new NeedsSignInError(
          `Profile ${profile.name} must sign in again; run: avcm sign-in ${shellWord(profile.name)}`,
        )
      }
      throw error
    }
  }
}

/** A profile name as a shell word, quoted when it needs to be. */
function shellWord(name: string): string {
  return /^[\w.@%+=:,/-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`
}

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/**
 * Sends SIGINT, SIGTERM and SIGHUP to `onSignal` instead of avcm's own handler (which would end avcm with
 * 130 within 10 s): while a local endpoint serves or a command runs, the signal is theirs to act on.
 * Returns the function that puts the previous handlers back.
 */
export function takeOverSignals(onSignal: (signal: NodeJS.Signals) => void): () => void {
  const previous = FORWARDED_SIGNALS.map((signal) => [signal, process.listeners(signal)] as const)
  for (const signal of FORWARDED_SIGNALS) process.removeAllListeners(signal)
  for (const signal of FORWARDED_SIGNALS) process.on(signal, onSignal)
  return () => {
    for (const [signal, listeners] of previous) {
      process.removeListener(signal, onSignal)
      for (const listener of listeners) process.on(signal, listener)
    }
  }
}
