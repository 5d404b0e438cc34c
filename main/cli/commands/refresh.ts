import type { Command } from '../command'
import { validityLeft } from '../format'

export const refresh: Command = {
  usage: 'avcm refresh <name>',
  help: `Refreshes the profile's access token now (a refresh another process made a moment ago counts).`,
  options: {},
  positionals: [1, 1],
  async run(context, { positionals }) {
    const profile = await (await context.service()).refresh(positionals[0] ?? '')
    context.print(
      `Refreshed ${profile.name}: valid for ${validityLeft(profile.session.expiresAt, Date.now())}.`,
    )
  },
}
