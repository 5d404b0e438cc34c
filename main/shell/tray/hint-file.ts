import { readFile } from 'node:fs/promises'
import writeFileAtomic from 'write-file-atomic'
import type { TrayHintStore } from './hint'

/** The file in userData remembering which one-time hints were given. */
export const HINTS_FILE_NAME = 'hints.json'

/** The hint's memory as a small JSON file (`{"trayHint":true}`); missing or unreadable means not given yet. */
export function fileTrayHintStore(path: string): TrayHintStore {
  return {
    shown: async () => {
      try {
        const hints: unknown = JSON.parse(await readFile(path, 'utf8'))
        return typeof hints === 'object' && hints !== null && 'trayHint' in hints && hints.trayHint === true
      } catch {
        return false
      }
    },
    markShown: () => writeFileAtomic(path, `${JSON.stringify({ trayHint: true })}\n`),
  }
}
