import type { Command } from '../command'

export const rename: Command = {
  usage: 'avcm rename <old-name> <new-name>',
  help: 'Renames a profile. Names are unique regardless of case, 1 to 64 characters.',
  options: {},
  positionals: [2, 2],
  async run(context, { positionals }) {
    const [from = '', to = ''] = positionals
    const profile = await (await context.service()).rename(from, to)
    context.print(`Renamed ${from} to ${profile.name}.`)
  },
}
