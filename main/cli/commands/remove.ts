import { createInterface } from 'node:readline/promises'
import type { Command } from '../command'
import { UsageError } from '../usage-error'

export const remove: Command = {
  usage: 'avcm remove <name> [--yes]',
  help: `Removes a profile and deletes its keychain entries (refresh token, access token, API key).
Asks for confirmation unless --yes is given; without a terminal, --yes is required.

Options:
  --yes    do not ask`,
  options: { yes: { type: 'boolean', short: 'y' } },
  positionals: [1, 1],
  async run(context, { positionals, values }) {
    const service = await context.service()
    const profile = service.find(positionals[0] ?? '')
    if (values['yes'] !== true) {
      if (!context.stdin.isTTY)
        throw new UsageError('remove asks for confirmation; pass --yes when no one can answer.')
      const prompt = createInterface({ input: context.stdin, output: context.stderr })
      const answer = await prompt.question(
        `Remove ${profile.name} and delete its keychain entries? This cannot be undone. [y/N] `,
      )
      prompt.close()
      if (!/^y(es)?$/i.test(answer.trim())) {
        context.print('Nothing removed.')
        return
      }
    }
    await service.remove(profile.id)
    context.print(`Removed ${profile.name} and its keychain entries.`)
  },
}
