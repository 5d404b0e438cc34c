import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * Where the Electron binary is, or why it is not there. `require('electron')` would try to download it,
 * which these machines cannot do, so the package's own files are read instead.
 */
export function findElectronBinary(): { readonly path: string } | { readonly missing: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) {
    return {
      missing:
        'the Electron binary is not installed (node_modules/electron/path.txt is absent; Electron downloads it on first launch, and this machine cannot reach its download host)',
    }
  }
  const executable = join(override ?? join(packageDir, 'dist'), readFileSync(pathFile, 'utf8'))
  return existsSync(executable)
    ? { path: executable }
    : { missing: `the Electron binary is missing at ${executable}` }
}
