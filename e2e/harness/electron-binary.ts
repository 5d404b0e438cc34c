import { locateElectron } from '../../scripts/with-electron.mjs'

/**
 * Where the Electron binary is, or why it is not there, by the rules of scripts/with-electron.mjs
 * (ELECTRON_EXEC_PATH, then ELECTRON_OVERRIDE_DIST_PATH, then node_modules/electron/dist), without downloading
 * anything: `npm run test:electron` has already tried, and `require('electron')` would try again.
 */
export function findElectronBinary(): { readonly path: string } | { readonly missing: string } {
  const found = locateElectron()
  switch (found.kind) {
    case 'found':
      return { path: found.path }
    case 'override-missing':
      return {
        missing: `ELECTRON_OVERRIDE_DIST_PATH is set to ${found.overrideDir}, but ${found.path} does not exist`,
      }
    case 'not-installed':
      return {
        missing: `the Electron ${found.version} binary is not installed (${found.reason}; \`node scripts/with-electron.mjs --check\` downloads it, and says why when it cannot)`,
      }
  }
}
