import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The built command; `npm test` builds before it tests. */
export const AVCM = join(import.meta.dirname, '../../out/main/avcm.js')

/** What one avcm process did. */
export interface AvcmResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs the built avcm as a real process, with `input` on its standard input. */
export function runAvcm(
  args: readonly string[],
  options: { readonly env: Readonly<Record<string, string | undefined>>; readonly input?: string },
): Promise<AvcmResult> {
  if (!existsSync(AVCM)) throw new Error(`${AVCM} is missing: run "npm run build" first.`)
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [AVCM, ...args],
      { env: options.env, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
        resolve({ code, stdout, stderr })
      },
    )
    child.stdin?.end(options.input ?? '')
  })
}
