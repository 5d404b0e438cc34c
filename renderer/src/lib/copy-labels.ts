import type { CopyFormat } from '../../../main/core/copy-formats'
import { formatIn } from './format'

/** One way to copy a token, as the window offers it. */
interface CopyChoice {
  readonly format: CopyFormat
  readonly option: string
  readonly done: string
}

const TOKEN: CopyChoice = { format: 'token', option: 'Token', done: 'Copied the token' }

/** The copy formats in menu order, with the words for the menu and the confirmation. */
export const COPY_CHOICES: readonly CopyChoice[] = [
  TOKEN,
  { format: 'header', option: 'Authorization header', done: 'Copied an Authorization header' },
  { format: 'curl', option: 'curl example', done: 'Copied a curl example' },
  { format: 'export', option: 'export line', done: 'Copied an export line' },
]

/** The choice for a format. */
export function copyChoice(format: CopyFormat): CopyChoice {
  return COPY_CHOICES.find((choice) => choice.format === format) ?? TOKEN
}

/** How the window confirms a copy: "Copied the token for Acme · the clipboard clears in 30 s". */
export function copiedMessage(
  format: CopyFormat,
  name: string,
  clearsAt: number | null,
  now: number,
): string {
  const clears = clearsAt === null ? '' : ` · the clipboard clears ${formatIn(clearsAt - now)}`
  return `${copyChoice(format).done} for ${name}${clears}`
}
