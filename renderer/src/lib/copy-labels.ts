import { COPY_FORMAT_WORDS, COPY_FORMATS, type CopyFormat } from '../../../main/core/common/copy-format-words'
import { formatIn } from './format'

/** One way to copy a token, as the window offers it. */
interface CopyChoice {
  readonly format: CopyFormat
  /** Its entry in the list of what to copy. */
  readonly option: string
  /** The confirmation, before " for <profile>". */
  readonly done: string
}

/** The choice for a format, in the words of the one table of copy formats. */
export function copyChoice(format: CopyFormat): CopyChoice {
  const words = COPY_FORMAT_WORDS[format]
  return { format, option: words.option, done: words.copied }
}

/** The copy formats in menu order, with the words for the menu and the confirmation. */
export const COPY_CHOICES: readonly CopyChoice[] = COPY_FORMATS.map(copyChoice)

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
