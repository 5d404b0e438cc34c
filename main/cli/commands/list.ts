import { statusWord } from '../../core/common/session-status'
import type { Command } from '../command'
import { profileJson, table, validityLeft } from '../format'

export const list: Command = {
  usage: 'avcm list [--json]',
  help: `Lists every profile with its environment, status and how long its access token stays valid.

Options:
  --json    print a JSON array instead (no secret in it)`,
  options: { json: { type: 'boolean' } },
  positionals: [0, 0],
  async run(context, { values }) {
    const service = await context.service()
    const profiles = await service.list()
    if (values['json'] === true) {
      context.print(JSON.stringify(profiles.map(profileJson), null, 2))
      return
    }
    if (profiles.length === 0) {
      context.print('No profiles yet. Add one with: avcm add <name> --env production|sandbox|<base-url>')
      return
    }
    const now = Date.now()
    context.print(
      table(
        ['NAME', 'ENVIRONMENT', 'STATUS', 'VALID FOR'],
        profiles.map((p) => [
          p.name,
          p.environmentLabel,
          statusWord(p.session.status),
          validityLeft(p.session.expiresAt, now),
        ]),
      ),
    )
  },
}
