// Types of scripts/with-electron.mjs (plain JavaScript, so that `node scripts/with-electron.mjs` needs no build),
// for the TypeScript that imports it: its tests and e2e/harness/electron-binary.ts.

type Env = Readonly<Record<string, string | undefined>>

export declare const APPROXIMATE_DOWNLOAD_MB: number
export declare const DEFAULT_TIMEOUT_SECONDS: number
export declare const UNPACK_TIMEOUT_SECONDS: number
export declare const EVENT_MARKER: string

export type Resolution =
  | {
      readonly kind: 'found'
      readonly source: 'ELECTRON_EXEC_PATH' | 'ELECTRON_OVERRIDE_DIST_PATH' | 'node_modules/electron'
      readonly path: string
      readonly distDir: string
      readonly notes: readonly string[]
    }
  | {
      readonly kind: 'override-missing'
      readonly overrideDir: string
      readonly path: string
      readonly notes: readonly string[]
    }
  | { readonly kind: 'not-installed'; readonly reason: string; readonly notes: readonly string[] }

export interface InstallerEvent {
  readonly event: 'request' | 'response' | 'progress' | 'complete' | 'error'
  readonly url: string
  readonly status?: number
  readonly statusText?: string
  readonly received?: number
  readonly total?: number | null
  readonly name?: string
  readonly message?: string
  readonly code?: string
  readonly causeMessage?: string
}

export interface TimedOut {
  readonly phase: 'connecting' | 'transferring' | 'unpacking'
  readonly seconds: number
}

export declare function executableName(platform: string): string
export declare function distFolderOf(executable: string, platform: string): string
export declare function resolveElectronBinary(options: {
  readonly env: Env
  readonly platform: string
  readonly packageDir: string
  readonly version: string
  readonly exists: (path: string) => boolean
  readonly readText: (path: string) => string | undefined
}): Resolution
export declare function defaultCacheRoot(options: { platform: string; env: Env; home: string }): string
export declare function cacheRoot(options: { platform: string; env: Env; home: string }): string
export declare function cacheFolderFor(url: string, root: string): string
export declare function zipName(options: { version: string; platform: string; arch: string }): string
export declare function downloadingLine(options: {
  version: string
  platform: string
  arch: string
  cacheDir: string
}): string
export declare function timeoutSeconds(env: Env): number
export declare function parseInstallerOutput(output: string): { events: InstallerEvent[]; text: string }
export declare function describeCause(run: {
  readonly output: string
  readonly code?: number | null
  readonly signal?: string | null
  readonly timedOut?: TimedOut | undefined
}): string
export declare function failureParagraph(facts: {
  readonly version: string
  readonly platform: string
  readonly arch: string
  readonly cause: string
  readonly cacheDir: string
  readonly zipFolder: string | undefined
  readonly mirror: string | undefined
  readonly command?: string | undefined
}): string
export declare function overrideMissingParagraph(facts: {
  readonly version: string
  readonly platform: string
  readonly arch: string
  readonly overrideDir: string
  readonly path: string
  readonly command?: string | undefined
}): string
export declare function substituteArgs(args: readonly string[], values: { electronDist: string }): string[]
export declare function quoteForCmd(arg: string): string
export declare function commandEnv(
  env: Env,
  options: { executable: string; binDir: string },
): Record<string, string | undefined>
export declare function electronPackage(): { packageDir: string; version: string }
export declare function locateElectron(
  env?: Env,
): Resolution & { readonly version: string; readonly packageDir: string }
export declare function ensureElectron(options?: {
  env?: Env
  command?: string | undefined
}): Promise<{ ok: true; path: string; distDir: string } | { ok: false; message: string }>
