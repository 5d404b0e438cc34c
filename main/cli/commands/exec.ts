import { spawn } from 'node:child_process'
import { constants } from 'node:os'
import type { RunningProxy } from '../../core/proxy/proxy'
import type { Command } from '../command'
import { ExitStatus } from '../run'
import { UsageError } from '../usage-error'
import { startProfileProxy, takeOverSignals } from './proxy'

/** What the shell answers for a command it cannot run; scripts test for it. */
const CANNOT_START = 127

export const exec: Command = {
  usage: 'avcm exec <name> [--proxy] -- <command> [args…]',
  help: `Runs one command with the profile's credentials in its environment, and exits with its status.

  APIVIDEO_ACCESS_TOKEN  an access token valid for at least the minimum (the app's setting)
  APIVIDEO_BASE_URL      the profile's base URL, such as https://ws.api.video (no trailing slash)

With --proxy, a local endpoint (see "avcm proxy") runs for the command's lifetime instead:
APIVIDEO_BASE_URL is its URL and no token is set at all, so a job longer than a token's life keeps
working and the command never holds a secret.

Standard input, output and error are the command's; SIGINT, SIGTERM and SIGHUP are passed on to it.
Put the command after --, so that its own options are not taken for avcm's.

Examples:
  avcm exec acme -- sh -c 'curl -H "Authorization: Bearer $APIVIDEO_ACCESS_TOKEN" "$APIVIDEO_BASE_URL/videos"'
  avcm exec acme --proxy -- node upload.js

Exit codes: the command's; 128 + n if a signal n ended it; 127 if it could not start;
1 usage or unknown profile, 2 sign-in needed, 3 api.video unreachable, 4 keychain unavailable.`,
  options: { proxy: { type: 'boolean' } },
  positionals: [1, Number.POSITIVE_INFINITY],
  async run(context, { positionals, values }) {
    const [reference = '', command, ...args] = positionals
    if (command === undefined || command === '') {
      throw new UsageError('avcm exec needs a command after --, for example: avcm exec acme -- env.')
    }
    const env: Record<string, string | undefined> = { ...context.env }
    let endpoint: RunningProxy | undefined
    if (values['proxy'] === true) {
      endpoint = await startProfileProxy(context, reference, {})
      delete env['APIVIDEO_ACCESS_TOKEN']
      env['APIVIDEO_BASE_URL'] = endpoint.url.replace(/\/$/, '')
    } else {
      const service = await context.service()
      const profile = service.find(reference)
      const issued = await service.getToken(profile.id, { purpose: 'print' })
      env['APIVIDEO_ACCESS_TOKEN'] = issued.accessToken
      env['APIVIDEO_BASE_URL'] = profile.baseUrl
    }
    let ended: Ended
    try {
      ended = await run(command, args, env)
    } finally {
      if (endpoint !== undefined) {
        await endpoint.close()
        // A refresh the endpoint started finishes saving before avcm exits.
        await (await context.service()).idle()
      }
    }
    if (ended.status !== 0) throw new ExitStatus(ended.status, ended.message)
  },
}

/** How the command ended: its status, and why when it could not start. */
interface Ended {
  readonly status: number
  readonly message?: string
}

/** Runs the command with avcm's stdio; its status is 128 + n when signal n ended it, 127 when it could not start. */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env })
    const restore = takeOverSignals((signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    })
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (child.pid !== undefined) return
      restore()
      resolve({
        status: CANNOT_START,
        message: `could not start "${command.slice(0, 100)}": ${startFailure(error)}.`,
      })
    })
    child.once('exit', (code, signal) => {
      restore()
      resolve({ status: code ?? 128 + (signal === null ? 0 : constants.signals[signal]) })
    })
  })
}

function startFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such command (check its name and PATH)'
    case 'EACCES':
      return 'permission denied (is it executable?)'
    default:
      return error.code ?? error.message
  }
}
