import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '../..')

/** A private copy of the build, for benchmarks to run from. */
export interface BuildSnapshot {
  /** The copied `out/main/avcm.js`. */
  readonly avcm: string
  /** The copied `out/renderer/`. */
  readonly renderer: string
  /** The copied `out/preload/index.cjs`. */
  readonly preload: string
}

/** Where the global setup put the copy, for the workers. */
const SNAPSHOT_ENV = 'AVCM_BENCH_BUILD'

/**
 * Copies `out/main`, `out/preload` and `out/renderer` (just built by `npm run bench`) before any benchmark runs, under
 * `node_modules/.cache` so that `keytar` and the other dependencies still resolve (and no test run cleans it,
 * as Playwright cleans `test-results/`). A build started by someone else while the benchmarks run empties
 * `out/` for a moment; the copy keeps the benchmarks on what was built for them. Returns the function that
 * deletes the copy.
 */
export function takeBuildSnapshot(): () => void {
  const parent = join(ROOT, 'node_modules', '.cache', 'avcm-bench')
  mkdirSync(parent, { recursive: true })
  const into = mkdtempSync(join(parent, 'build-'))
  // Inside node_modules, Node looks no further up for the package's "type": the copy declares its own.
  writeFileSync(join(into, 'package.json'), '{ "type": "module" }\n')
  for (const part of ['main', 'preload', 'renderer']) {
    const from = join(ROOT, 'out', part)
    if (!existsSync(from)) throw new Error(`${from} is missing: npm run bench builds it first.`)
    cpSync(from, join(into, part), { recursive: true })
  }
  const assets = join(into, 'renderer', 'assets')
  const built = existsSync(assets) && readdirSync(assets).some((name) => name.endsWith('.js'))
  if (!existsSync(join(into, 'main', 'avcm.js')) || !built) {
    throw new Error('out/ changed while it was copied (another build ran); run the benchmarks again.')
  }
  process.env[SNAPSHOT_ENV] = into
  return () => rmSync(into, { recursive: true, force: true })
}

/** The copy of the build {@link takeBuildSnapshot} made for this run. */
export function buildSnapshot(): BuildSnapshot {
  const into = process.env[SNAPSHOT_ENV]
  if (into === undefined) throw new Error('No build snapshot: run the benchmarks with npm run bench.')
  return {
    avcm: join(into, 'main', 'avcm.js'),
    renderer: join(into, 'renderer'),
    preload: join(into, 'preload', 'index.cjs'),
  }
}
