import { parseEnvironment, type Environment } from '../apivideo/environment'
import { AppError, InvalidInputError } from '../errors'
import { environmentSchema, profileNameSchema } from '../profiles/schema'

/** No profile has that name or id. */
export class ProfileNotFoundError extends AppError<'profile-not-found'> {
  constructor(reference: string) {
    super('profile-not-found', `There is no profile named "${reference.slice(0, 64)}".`)
    this.name = 'ProfileNotFoundError'
  }
}

/** A profile name as a person typed it: trimmed, 1–64 characters. */
export function parseName(input: string): string {
  const parsed = profileNameSchema.safeParse(input)
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]?.message ?? 'Invalid profile name.')
  return parsed.data
}

/** An environment as typed ("production", "sandbox", a URL) or as already structured, validated either way. */
export function parseEnvironmentInput(input: string | Environment): Environment {
  if (typeof input === 'string') return parseEnvironment(input)
  const parsed = environmentSchema.safeParse(input)
  if (!parsed.success)
    throw new InvalidInputError('The environment is not production, sandbox or a base URL.')
  return parsed.data.kind === 'custom' ? parseEnvironment(parsed.data.baseUrl) : parsed.data
}
