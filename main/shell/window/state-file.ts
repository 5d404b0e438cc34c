import { readFile } from 'node:fs/promises'
import writeFileAtomic from 'write-file-atomic'
import { parseWindowState, type WindowState } from './bounds'

/** The window's remembered size and position in `path`, or undefined when there is none worth using. */
export async function loadWindowState(path: string): Promise<WindowState | undefined> {
  try {
    return parseWindowState(JSON.parse(await readFile(path, 'utf8')))
  } catch {
    // Missing or unreadable: the window simply opens at its default place.
    return undefined
  }
}

/** Remembers the window's size and position (atomically, so a crash never leaves half a file). */
export async function saveWindowState(path: string, state: WindowState): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(state)}\n`)
}
