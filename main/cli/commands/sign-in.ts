import type { Command } from '../command'
import { validityLeft } from '../format'
import { readApiKey, refuseKeyOnCommandLine } from '../read-secret'

export const signIn: Command = {
  usage: 'avcm sign-in <name> [--remembered] [--remember-api-key | --forget-api-key]',
  help: `Signs the profile in again with its API key, for example after api.video rejected its refresh
token. The key is read from standard input when piped, otherwise from a prompt that does not echo.

Options:
  --remembered          use the API key remembered in the keychain instead of reading one
  --remember-api-key    remember this API key in the keychain from now on
  --forget-api-key      delete the remembered API key`,
  options: {
    remembered: { type: 'boolean' },
    'remember-api-key': { type: 'boolean' },
    'forget-api-key': { type: 'boolean' },
    'api-key': { type: 'string' },
  },
  positionals: [1, 1],
  async run(context, { positionals, values }) {
    refuseKeyOnCommandLine(values['api-key'])
    const service = await context.service()
    const current = service.find(positionals[0] ?? '')
    service.assertUsable(current.id)
    const apiKey = values['remembered'] === true ? undefined : await readApiKey(context, current.name)
    const remember =
      values['remember-api-key'] === true ? true : values['forget-api-key'] === true ? false : undefined
    const profile = await service.signIn(current.id, apiKey, remember)
    context.print(
      `Signed in ${profile.name}: token valid for ${validityLeft(profile.session.expiresAt, Date.now())}.`,
    )
  },
}
