import { join } from 'node:path'
import { build, type Rolldown } from 'vite'
import { describe, expect, it } from 'vitest'

/** The goal for the built preload (docs/PERFORMANCE.md); it was 181 KB while it carried zod and the schemas. */
const MAX_BYTES = 10 * 1024

/**
 * Bundles preload/index.ts as electron.vite.config.ts does (everything but electron inlined, CommonJS), in
 * memory, so the check follows the sources rather than whatever out/ last held.
 */
async function bundlePreload(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'error',
    build: {
      write: false,
      minify: false,
      rolldownOptions: {
        input: join(import.meta.dirname, 'index.ts'),
        external: ['electron'],
        output: { format: 'cjs' },
      },
    },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  const chunks = outputs.flatMap((output) => output.output).filter((item) => item.type === 'chunk')
  return chunks.map((chunk) => chunk.code).join('\n')
}

describe('the built preload', () => {
  it('stays small and carries no schema library: it only names the channels', async () => {
    const code = await bundlePreload()
    expect(code).toContain('contextBridge')
    expect(code).toContain('"profiles:sign-in"')
    expect(code).not.toMatch(/zod/i)
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(MAX_BYTES)
  })
})
