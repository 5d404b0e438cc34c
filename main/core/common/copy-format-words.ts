/**
 * The copy formats, and every word the app says about them: the one table that the engine, the IPC contract,
 * the tray, its notifications, the window and the activity log read. Adding a format is a row here and its
 * text in `formatForCopy` (main/core/copy-formats.ts), which the compiler then asks for.
 *
 * This file imports nothing, so the renderer may import it at run time: the renderer's lint rule allows this
 * one file from main/.
 */

/** Every copy format, in menu order. */
export const COPY_FORMATS = ['token', 'header', 'curl', 'export'] as const

/** A way a token can be copied. */
export type CopyFormat = (typeof COPY_FORMATS)[number]

/** What the app calls one copy format, wherever it shows it. */
export interface CopyFormatWords {
  /** The tray's menu item: "Copy curl example". */
  readonly menuItem: string
  /** The window's choice in its list of what to copy: "curl example". */
  readonly option: string
  /** What was copied, after a profile's name: "Copied acme’s curl example", "Could not copy acme’s …". */
  readonly noun: string
  /** The window's confirmation, and the activity log's line: "Copied a curl example". */
  readonly copied: string
}

/** The words for each format. */
export const COPY_FORMAT_WORDS: Readonly<Record<CopyFormat, CopyFormatWords>> = {
  token: { menuItem: 'Copy token', option: 'Token', noun: 'token', copied: 'Copied the token' },
  header: {
    menuItem: 'Copy Authorization header',
    option: 'Authorization header',
    noun: 'Authorization header',
    copied: 'Copied an Authorization header',
  },
  curl: {
    menuItem: 'Copy curl example',
    option: 'curl example',
    noun: 'curl example',
    copied: 'Copied a curl example',
  },
  export: {
    menuItem: 'Copy export line',
    option: 'export line',
    noun: 'export line',
    copied: 'Copied an export line',
  },
}
