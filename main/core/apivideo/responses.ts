import { z } from 'zod'

/** The longest token lifetime accepted: api.video grants one hour; anything past 30 days is a broken server. */
export const MAX_EXPIRES_IN_SECONDS = 30 * 24 * 60 * 60

const token = (field: string) =>
  z
    .string({ error: `${field} is missing or not text` })
    .min(1, { error: `${field} is empty` })
    .max(16_384, { error: `${field} is implausibly long` })
    .regex(/^[\x21-\x7e]+$/, { error: `${field} contains spaces or control characters` })

/** The success body of both auth operations. Strict on the tokens and `expires_in`, lenient on `token_type`. */
export const tokenResponseSchema = z.object(
  {
    access_token: token('access_token'),
    refresh_token: token('refresh_token'),
    expires_in: z
      .number({ error: 'expires_in is missing or not a number' })
      .int({ error: 'expires_in is not a whole number of seconds' })
      .positive({ error: 'expires_in is not positive' })
      .max(MAX_EXPIRES_IN_SECONDS, { error: 'expires_in is implausibly large' }),
    token_type: z.unknown().optional(),
  },
  { error: 'the body is not a JSON object' },
)

/** An RFC 7807 problem body as api.video sends it; only `title` is used, so the rest is lenient. */
export const problemSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  name: z.string().optional(),
  status: z.number().optional(),
})

/** The part of `GET /videos`'s success body that verify relies on. */
export const videosPageSchema = z.looseObject({
  data: z.array(z.unknown(), { error: 'data is missing or not a list' }),
  pagination: z.looseObject(
    { itemsTotal: z.number().int().nonnegative().optional() },
    {
      error: 'pagination is missing',
    },
  ),
})

/** The first validation problem, as a short phrase for an error message. */
export function firstProblem(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'the body has the wrong shape'
}
