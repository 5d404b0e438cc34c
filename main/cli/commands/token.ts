import { systemClock } from '../../core/clock'
import { formatDuration } from '../../core/common/durations'
import { NUMBER_SETTINGS } from '../../core/common/setting-limits'
import { InvalidInputError } from '../../core/errors'
import { MAX_MIN_VALIDITY_SECONDS } from '../../core/sessions/min-validity'
import { quickToken } from '../quick-token'
import type { Command } from '../command'

const DEFAULT_MINUTES = NUMBER_SETTINGS.minValidityMinutes.default

export const token: Command = {
  usage: 'avcm token <name> [--min-valid <seconds>] [--json]',
  help: `Prints an access token for the profile, and nothing else, so that $(avcm token acme) works.
The token is valid for at least the minimum (the app's setting, ${DEFAULT_MINUTES} min by default); if the current
one expires sooner, it is refreshed first, safely even while the app or another avcm does the same.

Options:
  --min-valid <seconds>  the token must stay valid at least this long (0 to ${MAX_MIN_VALIDITY_SECONDS})
  --json                 print {"accessToken", "expiresAt", "expiresIn"} instead`,
  options: { 'min-valid': { type: 'string' }, json: { type: 'boolean' } },
  positionals: [1, 1],
  async run(context, { positionals, values }) {
    const minValid = values['min-valid']
    const seconds = typeof minValid === 'string' ? Number(minValid) : undefined
    if (seconds !== undefined && (!/^\d+$/.test(minValid as string) || seconds > MAX_MIN_VALIDITY_SECONDS)) {
      throw new InvalidInputError(
        `--min-valid takes a whole number of seconds from 0 to ${MAX_MIN_VALIDITY_SECONDS}.`,
      )
    }
    const reference = positionals[0] ?? ''
    const issued =
      (await quickToken({
        dataDir: context.dataDir,
        reference,
        minValiditySeconds: seconds,
        keychain: await context.keychain(),
        clock: systemClock,
      })) ??
      (await (
        await context.service()
      ).getToken(reference, {
        ...(seconds === undefined ? {} : { minValiditySeconds: seconds }),
        purpose: 'print',
      }))
    const left = issued.expiresAt - Date.now()
    // A fresh token loses a few seconds in transit; only a real shortfall is worth a warning.
    if (seconds !== undefined && left < seconds * 1000 - 5000) {
      context.warn(
        `api.video grants tokens valid for less than asked: this one is valid for ${formatDuration(left)}.`,
      )
    }
    if (values['json'] === true) {
      context.print(
        JSON.stringify({
          accessToken: issued.accessToken,
          expiresAt: new Date(issued.expiresAt).toISOString(),
          expiresIn: Math.floor(left / 1000),
        }),
      )
    } else {
      context.print(issued.accessToken)
    }
  },
}
