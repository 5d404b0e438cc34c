import { AppError } from '../core/errors'

/** The command line itself is wrong: exit code 1, with a hint to the command's help. */
export class UsageError extends AppError<'usage'> {
  constructor(message: string) {
    super('usage', message)
    this.name = 'UsageError'
  }
}
