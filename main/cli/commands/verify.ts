import { AppError } from '../../core/errors'
import type { Command } from '../command'

export const verify: Command = {
  usage: 'avcm verify <name>',
  help: `Checks the profile's access token against api.video (one read of the video list, which counts
against the read rate limit). Exits 0 when it works.`,
  options: {},
  positionals: [1, 1],
  async run(context, { positionals }) {
    const service = await context.service()
    const profile = service.find(positionals[0] ?? '')
    const outcome = await service.verify(profile.id)
    if (!outcome.ok) throw new AppError(outcome.error.kind, outcome.error.message)
    const videos = outcome.videoCount === undefined ? '' : `, ${outcome.videoCount} videos`
    context.print(`${profile.name}: the token works (${Math.round(outcome.latencyMs)} ms${videos}).`)
  },
}
