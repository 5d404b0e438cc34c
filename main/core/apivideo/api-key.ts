import { InvalidInputError } from '../errors'

/**
 * Checks what a person pasted as an API key: surrounding white space is dropped; what remains must be one
 * word of visible ASCII characters. The message never repeats the key.
 */
export function parseApiKey(input: string): string {
  const key = input.trim()
  if (key === '') throw new InvalidInputError('Enter the API key of the api.video project.')
  if (key.length > 512) throw new InvalidInputError('That is too long to be an api.video API key.')
  if (!/^[\x21-\x7e]+$/.test(key)) {
    throw new InvalidInputError(
      'An API key is one word of letters and digits; this one contains spaces or other characters.',
    )
  }
  return key
}
