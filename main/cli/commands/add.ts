import { validityLeft } from '../format'
import type { Command } from '../command'
import { readApiKey, refuseKeyOnCommandLine } from '../read-secret'
import { UsageError } from '../usage-error'

export const add: Command = {
  usage: 'avcm add <name> --env production|sandbox|<base-url> [--remember-api-key]',
  help: `Adds a profile: signs in to api.video with the project's API key, keeps the refresh token in the
keychain, and saves the profile. If api.video refuses the key, nothing is saved.

The API key is read from standard input when it is piped (echo "$KEY" | avcm add …), otherwise from a
prompt that does not echo. It is never taken from the command line.

Options:
  --env <env>           production, sandbox, or a base URL (https, or http to this computer)
  --remember-api-key    keep the API key in the keychain too, so avcm and the app can sign in again
                        by themselves if the refresh token is ever rejected (off by default)`,
  options: {
    env: { type: 'string' },
    'remember-api-key': { type: 'boolean' },
    'api-key': { type: 'string' },
  },
  positionals: [1, 1],
  async run(context, { positionals, values }) {
    refuseKeyOnCommandLine(values['api-key'])
    const name = positionals[0] ?? ''
    const environment = values['env']
    if (typeof environment !== 'string')
      throw new UsageError('add needs --env production, sandbox or a base URL.')
    const service = await context.service()
    const apiKey = await readApiKey(context, name)
    const profile = await service.add({
      name,
      environment,
      apiKey,
      rememberApiKey: values['remember-api-key'] === true,
    })
    context.print(
      `Added ${profile.name} (${profile.environmentLabel}): signed in, token valid for ${validityLeft(profile.session.expiresAt, Date.now())}.`,
    )
  },
}
