import { statusWord } from '../../core/common/session-status'
import type { ProfileView } from '../../core/service/types'
import type { Command } from '../command'
import { profileJson, validityLeft } from '../format'

export const status: Command = {
  usage: 'avcm status [<name>] [--json]',
  help: `Shows the status of one profile, or of every profile: environment, status, expiry, last refresh,
and the last error if there is one.

Options:
  --json    print JSON instead (no secret in it)`,
  options: { json: { type: 'boolean' } },
  positionals: [0, 1],
  async run(context, { positionals, values }) {
    const service = await context.service()
    const name = positionals[0]
    const profiles = name === undefined ? await service.list() : [await service.status(name)]
    if (values['json'] === true) {
      const json = profiles.map(profileJson)
      context.print(JSON.stringify(name === undefined ? json : json[0], null, 2))
      return
    }
    context.print(profiles.map((p) => describe(p, Date.now())).join('\n\n') || 'No profiles yet.')
  },
}

function describe(profile: ProfileView, now: number): string {
  const { session } = profile
  const time = (ms: number | undefined) => (ms === undefined ? '—' : new Date(ms).toLocaleString())
  const lines = [
    profile.name,
    `  environment     ${profile.environmentLabel} (${profile.baseUrl})`,
    `  status          ${statusWord(profile.session.status)}`,
    `  valid for       ${validityLeft(session.expiresAt, now)}`,
    `  expires         ${time(session.expiresAt)}`,
    `  last refreshed  ${time(session.lastRefreshedAt)}`,
    `  API key         ${session.remembersApiKey ? 'remembered in the keychain' : 'not remembered'}`,
  ]
  if (session.lastError !== undefined) lines.push(`  last error      ${session.lastError.message}`)
  if (session.keychainError !== undefined) lines.push(`  keychain        ${session.keychainError.message}`)
  return lines.join('\n')
}
