import { mkdirSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'

/** Inside the project, so the script finds the project's node_modules. */
const SCRIPTS_DIR = join(import.meta.dirname, '../../node_modules/.cache/avcm-test-scripts')

/**
 * Compiles a TypeScript entry into a Node script, with node_modules left external, so a test can run its
 * helper as a real separate process (Node 20 cannot run TypeScript by itself).
 */
export async function buildNodeScript(entry: string): Promise<string> {
  mkdirSync(SCRIPTS_DIR, { recursive: true })
  const outDir = mkdtempSync(join(SCRIPTS_DIR, 'script-'))
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      ssr: entry,
      outDir,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { entryFileNames: 'script.mjs', format: 'es' } },
    },
  })
  return join(outDir, 'script.mjs')
}
