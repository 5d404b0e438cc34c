import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

const fromRoot = (path: string): string => resolve(import.meta.dirname, path)

export default defineConfig({
  main: {
    build: {
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
    plugins: [svelte({ configFile: fromRoot('svelte.config.js') })],
    build: {
      outDir: fromRoot('out/renderer'),
      rolldownOptions: {
        input: { index: fromRoot('renderer/index.html') },
      },
    },
  },
})
