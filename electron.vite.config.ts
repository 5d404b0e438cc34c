import { chmod } from 'node:fs/promises'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

const fromRoot = (path: string): string => resolve(import.meta.dirname, path)

/**
 * In `npm run dev` only, Vite injects styles inline and talks to its server over a WebSocket; the dev page's
 * CSP allows exactly that. Built pages keep the strict CSP of renderer/index.html.
 */
const devCsp: Plugin = {
  name: 'avcm-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'none'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
}

/** Makes the built `avcm` executable, so `npm link` (or a package install) can run it directly. */
const executableAvcm: Plugin = {
  name: 'avcm-executable',
  async writeBundle(options) {
    await chmod(resolve(options.dir ?? fromRoot('out/main'), 'avcm.js'), 0o755)
  },
}

export default defineConfig({
  main: {
    plugins: [executableAvcm],
    build: {
      // Bundled rather than loaded from node_modules at run time: Node's ESM loader is slow over zod's many
      // files (about 130 ms here), and avcm starts once per call. keytar stays external (native code).
      externalizeDeps: { exclude: ['zod', 'proper-lockfile', 'write-file-atomic'] },
      rolldownOptions: {
        input: {
          index: fromRoot('main/index.ts'),
          'fake-api': fromRoot('main/fake-api/cli.ts'),
          avcm: fromRoot('main/cli/avcm.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require node_modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: fromRoot('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('renderer'),
    plugins: [svelte({ configFile: fromRoot('svelte.config.js') }), devCsp],
    build: {
      outDir: fromRoot('out/renderer'),
      minify: true,
      rolldownOptions: {
        input: { index: fromRoot('renderer/index.html') },
      },
    },
  },
})
