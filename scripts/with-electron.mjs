#!/usr/bin/env node
// Makes sure the Electron binary is there, then runs a command with ELECTRON_EXEC_PATH pointing at it.
//
//   node scripts/with-electron.mjs <command> [args…]   ensure, then run the command (found in node_modules/.bin
//                                                       first); its exit code or signal is passed through
//   node scripts/with-electron.mjs --check              ensure only; prints the binary's path
//
// Since Electron 42 the `electron` package no longer downloads its binary when it is installed, and
// electron-vite stops with a bare "Electron uninstall" when node_modules/electron/path.txt is missing. Where
// the binary is looked for, in order: ELECTRON_EXEC_PATH (if that file exists); ELECTRON_OVERRIDE_DIST_PATH
// (a folder holding an unpacked Electron; if it is set but holds no executable, that is the error: nothing is
// downloaded); node_modules/electron/dist as recorded in path.txt. If none has it, Electron's own installer
// (node_modules/electron/install.js, the `install-electron` bin: it honours ELECTRON_MIRROR and
// electron_config_cache) downloads it into its cache and unpacks it into node_modules/electron/dist. When that
// fails, or shows no progress within AVCM_ELECTRON_DOWNLOAD_TIMEOUT seconds (60 by default), one paragraph
// says what is missing, why, and what to do, and the exit code is 1.
//
// In the command's arguments, `{electronDist}` stands for the folder holding the unpacked Electron (for
// electron-builder's `-c.electronDist`). The decisions are pure exported functions (with-electron.test.ts).
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { constants, homedir } from 'node:os'
import { basename, delimiter, dirname, join, posix, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The size of an Electron zip for a desktop platform in recent releases, roughly (100 to 120 MB). */
export const APPROXIMATE_DOWNLOAD_MB = 110
/** Seconds without an answer (before the transfer) or without new data (during it) before giving up. */
export const DEFAULT_TIMEOUT_SECONDS = 60
/** Seconds allowed, once the file is in, for the installer to check it and unpack it. */
export const UNPACK_TIMEOUT_SECONDS = 180
/** Prefix of the lines the installer's fetch reporter writes to its stderr. */
export const EVENT_MARKER = '@@with-electron@@ '

/** The executable inside an unpacked Electron, as node_modules/electron/install.js names it. */
export function executableName(platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron'
    case 'win32':
      return 'electron.exe'
    default:
      return 'electron'
  }
}

/** What an unpacked Electron's folder holds at its top: electron, electron.exe or Electron.app. */
const topEntry = (platform) => executableName(platform).split('/')[0]

/** The folder holding the unpacked Electron (what electron-builder's `electronDist` wants) for an executable. */
export function distFolderOf(executable, platform) {
  const suffix = executableName(platform).split('/')
  let folder = executable
  for (let i = suffix.length - 1; i >= 0; i--) {
    if (basename(folder).toLowerCase() !== suffix[i]?.toLowerCase()) return dirname(executable)
    folder = dirname(folder)
  }
  return folder
}

/**
 * Where the Electron binary is, without downloading anything.
 *
 * @param {object} options
 * @param {Record<string, string | undefined>} options.env
 * @param {string} options.platform
 * @param {string} options.packageDir node_modules/electron
 * @param {string} options.version the version node_modules/electron wants
 * @param {(path: string) => boolean} options.exists
 * @param {(path: string) => string | undefined} options.readText undefined when the file cannot be read
 */
export function resolveElectronBinary({ env, platform, packageDir, version, exists, readText }) {
  const notes = []
  const execPath = env['ELECTRON_EXEC_PATH']
  if (execPath) {
    if (exists(execPath)) {
      return {
        kind: 'found',
        source: 'ELECTRON_EXEC_PATH',
        path: execPath,
        distDir: distFolderOf(execPath, platform),
        notes,
      }
    }
    notes.push(`ELECTRON_EXEC_PATH is set to ${execPath}, which does not exist; it is ignored.`)
  }
  const overrideDir = env['ELECTRON_OVERRIDE_DIST_PATH']
  if (overrideDir) {
    const path = join(overrideDir, executableName(platform))
    if (!exists(path)) return { kind: 'override-missing', overrideDir, path, notes }
    const found = readText(join(overrideDir, 'version'))?.trim().replace(/^v/, '')
    if (found && found !== version) {
      notes.push(
        `ELECTRON_OVERRIDE_DIST_PATH holds Electron ${found}; this project is built against ${version}.`,
      )
    }
    return { kind: 'found', source: 'ELECTRON_OVERRIDE_DIST_PATH', path, distDir: overrideDir, notes }
  }
  // The same test as install.js's isInstalled(): path.txt, dist/version of the wanted version, the executable.
  const recorded = readText(join(packageDir, 'path.txt'))?.trim()
  const distDir = join(packageDir, 'dist')
  if (!recorded) return { kind: 'not-installed', reason: 'node_modules/electron/path.txt is absent', notes }
  const installed = readText(join(distDir, 'version'))?.trim().replace(/^v/, '')
  if (installed !== version) {
    const what = installed ? `Electron ${installed}` : 'no version file'
    return {
      kind: 'not-installed',
      reason: `node_modules/electron/dist holds ${what}, not ${version}`,
      notes,
    }
  }
  const path = join(distDir, recorded)
  if (!exists(path)) return { kind: 'not-installed', reason: `${path} is missing`, notes }
  return { kind: 'found', source: 'node_modules/electron', path, distDir, notes }
}

/** @electron/get's default cache folder (env-paths('electron', { suffix: '' }).cache). */
export function defaultCacheRoot({ platform, env, home }) {
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'electron')
  if (platform === 'win32')
    return join(env['LOCALAPPDATA'] || join(home, 'AppData', 'Local'), 'electron', 'Cache')
  return join(env['XDG_CACHE_HOME'] || join(home, '.cache'), 'electron')
}

/** The cache folder install.js uses: electron_config_cache, else the default for the OS. */
export function cacheRoot({ platform, env, home }) {
  return env['electron_config_cache'] || defaultCacheRoot({ platform, env, home })
}

/** The sub-folder of the cache that @electron/get looks in for a file downloaded from `url` (its Cache class). */
export function cacheFolderFor(url, root) {
  const parsed = new URL(url)
  parsed.hash = ''
  parsed.search = ''
  parsed.pathname = posix.dirname(parsed.pathname)
  return join(root, createHash('sha256').update(parsed.toString()).digest('hex'))
}

/** The name of the zip @electron/get downloads. */
export function zipName({ version, platform, arch }) {
  return `electron-v${version}-${platform}-${arch}.zip`
}

/** The line printed before the download starts. */
export function downloadingLine({ version, platform, arch, cacheDir }) {
  return `Downloading Electron ${version} for ${platform}-${arch} (about ${APPROXIMATE_DOWNLOAD_MB} MB, once; cached in ${cacheDir})…`
}

/** The timeout from AVCM_ELECTRON_DOWNLOAD_TIMEOUT (seconds), else the default. */
export function timeoutSeconds(env) {
  const value = Number(env['AVCM_ELECTRON_DOWNLOAD_TIMEOUT'])
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_SECONDS
}

/** Splits the installer's captured output into the reporter's events and everything else. */
export function parseInstallerOutput(output) {
  const events = []
  const lines = []
  for (const line of output.split(/\r?\n/)) {
    if (line.startsWith(EVENT_MARKER)) {
      try {
        events.push(JSON.parse(line.slice(EVENT_MARKER.length)))
      } catch {
        // A line cut short (the installer was killed mid-write): nothing to learn from it.
      }
    } else if (line.trim() !== '') {
      lines.push(line)
    }
  }
  return { events, text: lines.join('\n') }
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA'])
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])
const CUT_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED'])
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN'])
const isTlsCode = (code) => /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO/.test(code)

function hostOf(url) {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

/** Removes stack frames and the error class prefix from one line of an installer's message. */
function plainMessage(text) {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('at ') && !/^node:internal/.test(l))
  if (line === undefined) return undefined
  const message = line
    .replace(/^(\w*Error|Error)(\s\[\w+\])?:\s*/, '')
    .replace(/Electron uninstall/gi, 'the Electron binary is missing')
  return message.length > 300 ? `${message.slice(0, 297)}…` : message
}

/**
 * Why the download failed, in a few words, from what the installer printed and what its fetches reported.
 *
 * @param {object} run
 * @param {string} run.output the installer's stdout and stderr
 * @param {number | null} [run.code]
 * @param {string | null} [run.signal]
 * @param {{ phase: 'connecting' | 'transferring' | 'unpacking', seconds: number } | undefined} [run.timedOut]
 */
export function describeCause({ output, code = null, signal = null, timedOut }) {
  const { events, text } = parseInstallerOutput(output)
  const lastRequest = events.findLast((e) => e.event === 'request')
  const host = lastRequest ? hostOf(lastRequest.url) : 'the download host'
  if (timedOut) {
    switch (timedOut.phase) {
      case 'transferring':
        return `the download from ${host} stalled: no data for ${timedOut.seconds} s (timeout)`
      case 'unpacking':
        return `checking and unpacking the download took longer than ${timedOut.seconds} s (timeout)`
      default:
        return `${host} did not answer within ${timedOut.seconds} s (timeout)`
    }
  }
  const checksum = /Generated checksum for "?([^"\s]+)"? did not match expected checksum/.exec(text)
  if (checksum) {
    return `the downloaded ${checksum[1]} failed its checksum check (checksum mismatch: a damaged download, or a mirror serving a different build)`
  }
  const httpError = events.findLast((e) => e.event === 'response' && e.status >= 400)
  if (httpError) {
    return `${hostOf(httpError.url)} answered HTTP ${httpError.status}${httpError.statusText ? ` (${httpError.statusText})` : ''} for ${httpError.url}`
  }
  const httpText = /Response code (\d+) \(([^)]*)\) for (\S+)/.exec(text)
  if (httpText)
    return `${hostOf(httpText[3])} answered HTTP ${httpText[1]} (${httpText[2]}) for ${httpText[3]}`
  const failure = events.findLast((e) => e.event === 'error')
  if (failure) {
    const where = hostOf(failure.url)
    const errorCode = failure.code ?? ''
    if (DNS_CODES.has(errorCode)) {
      return `the name ${new URL(failure.url).hostname} could not be resolved (DNS failure, ${errorCode})`
    }
    if (errorCode === 'ECONNREFUSED')
      return `${where} refused the connection (connection refused, ECONNREFUSED)`
    if (TIMEOUT_CODES.has(errorCode)) return `connecting to ${where} timed out (timeout, ${errorCode})`
    if (CUT_CODES.has(errorCode)) return `the connection to ${where} was cut (${errorCode})`
    if (UNREACHABLE_CODES.has(errorCode)) return `${where} cannot be reached from this network (${errorCode})`
    if (isTlsCode(errorCode)) return `the TLS certificate of ${where} was not accepted (${errorCode})`
    const detail = failure.causeMessage || failure.message
    if (detail === 'bad port')
      return `fetch refuses to connect to port ${new URL(failure.url).port} (a blocked port)`
    return `fetching from ${where} failed (${[errorCode, detail].filter(Boolean).join(': ') || 'no detail'})`
  }
  const unsupported = /Electron builds are not available on platform: (\S+)/.exec(text)
  if (unsupported) return `Electron publishes no builds for the platform ${unsupported[1]}`
  const message = plainMessage(text)
  if (message) return `the installer said: ${message}`
  if (signal) return `the installer was stopped by ${signal}`
  return `the installer exited with code ${code ?? 'unknown'} without saying why`
}

/**
 * The paragraph printed when the binary cannot be had: what is missing, why, and what to do.
 *
 * @param {object} facts
 * @param {string} facts.version
 * @param {string} facts.platform
 * @param {string} facts.arch
 * @param {string} facts.cause from describeCause
 * @param {string} facts.cacheDir the cache root for this OS (or electron_config_cache)
 * @param {string | undefined} facts.zipFolder the cache sub-folder for the URL that failed, when known
 * @param {string | undefined} facts.mirror ELECTRON_MIRROR, when set
 * @param {string | undefined} [facts.command] what was to be run
 */
export function failureParagraph({ version, platform, arch, cause, cacheDir, zipFolder, mirror, command }) {
  const target = `${platform}-${arch}`
  const zip = zipName({ version, platform, arch })
  const mirrorAdvice = mirror
    ? `set ELECTRON_MIRROR (now ${mirror}) to a mirror of Electron's releases that this machine can reach (a URL ending in "/" under which v${version}/${zip} exists)`
    : `set ELECTRON_MIRROR to a mirror of Electron's releases that this machine can reach (a URL ending in "/" under which v${version}/${zip} exists)`
  const cacheAdvice = zipFolder
    ? `download ${zip} elsewhere and put it in ${zipFolder} (inside ${cacheDir}, Electron's download cache on this system)`
    : `download ${zip} elsewhere and put it in Electron's download cache, ${cacheDir}, in the sub-folder named after its download URL`
  return (
    `${command ? `Cannot run ${command}: the` : 'The'} Electron ${version} binary for ${target} is not installed, ` +
    `and downloading it failed: ${cause}. To get it, ${mirrorAdvice}; or set ELECTRON_OVERRIDE_DIST_PATH to a ` +
    `folder holding an unpacked Electron ${version} for ${target} (the folder that holds ${topEntry(platform)}); ` +
    `or ${cacheAdvice}. Then run the command again.`
  )
}

/** The paragraph printed when ELECTRON_OVERRIDE_DIST_PATH is set but holds no Electron. */
export function overrideMissingParagraph({ version, platform, arch, overrideDir, path, command }) {
  return (
    `${command ? `Cannot run ${command}: ` : ''}ELECTRON_OVERRIDE_DIST_PATH is set to ${overrideDir}, but ${path} ` +
    `does not exist. Point ELECTRON_OVERRIDE_DIST_PATH at a folder holding an unpacked Electron ${version} for ` +
    `${platform}-${arch} (the folder that holds ${topEntry(platform)}), or unset it to use (or download) ` +
    `the binary in node_modules/electron.`
  )
}

/** Replaces `{electronDist}` in the command's arguments. */
export function substituteArgs(args, { electronDist }) {
  return args.map((arg) => arg.replaceAll('{electronDist}', electronDist))
}

/**
 * An argument as cmd.exe should see it (Windows runs the command through a shell, which joins the arguments
 * with spaces): quoted when it holds a space or a character cmd.exe would act on.
 */
export function quoteForCmd(arg) {
  return arg === '' || /[\s"&|<>^()%!]/.test(arg) ? `"${arg.replaceAll('"', '\\"')}"` : arg
}

/** The command's environment: ELECTRON_EXEC_PATH set, node_modules/.bin first on the PATH. */
export function commandEnv(env, { executable, binDir }) {
  const pathKey = Object.keys(env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH'
  const current = env[pathKey]
  return {
    ...env,
    ELECTRON_EXEC_PATH: executable,
    [pathKey]: current ? `${binDir}${delimiter}${current}` : binDir,
  }
}

/**
 * Runs inside the installer (through `node --import data:…`): reports each fetch, its answer, its progress and
 * its failure (with the cause, which install.js's own message leaves out) as marker lines on stderr. It must
 * not refer to anything outside itself: its source text is what runs.
 */
function reportFetches(marker) {
  const realFetch = globalThis.fetch
  const report = (event) => process.stderr.write(`${marker}${JSON.stringify(event)}\n`)
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    report({ event: 'request', url })
    let response
    try {
      response = await realFetch(input, init)
    } catch (error) {
      let cause = error?.cause
      if (cause?.errors?.length && !cause.code) cause = cause.errors[0]
      report({
        event: 'error',
        url,
        name: error?.name,
        message: String(error?.message ?? error),
        code: cause?.code ?? error?.code,
        causeMessage: cause?.message,
      })
      throw error
    }
    const total = Number(response.headers.get('content-length')) || null
    report({ event: 'response', url, status: response.status, statusText: response.statusText, total })
    if (!response.ok || !response.body) return response
    let received = 0
    let reported = 0
    const counter = new TransformStream({
      transform(chunk, controller) {
        received += chunk.byteLength
        if (Date.now() - reported >= 1000) {
          reported = Date.now()
          report({ event: 'progress', url, received, total })
        }
        controller.enqueue(chunk)
      },
      flush() {
        report({ event: 'complete', url, received, total })
      },
    })
    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    })
  }
}

const REPORTER = `data:text/javascript,${encodeURIComponent(`(${String(reportFetches)})(${JSON.stringify(EVENT_MARKER)})`)}`

/** Runs node_modules/electron/install.js, output captured, within the time bounds. */
function runInstaller({ packageDir, env, seconds, onEvent }) {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, ['--import', REPORTER, join(packageDir, 'install.js')], {
      env: { ...env, ELECTRON_GET_NO_PROGRESS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    })
    let output = ''
    let pending = ''
    let timedOut
    let phase = 'connecting'
    let timer
    const arm = (limit) => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        timedOut = { phase, seconds: limit }
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5000).unref()
      }, limit * 1000)
    }
    arm(seconds)
    const keep = (chunk) => {
      output = (output + chunk).slice(-256 * 1024)
    }
    child.stdout.setEncoding('utf8').on('data', keep)
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      keep(chunk)
      pending += chunk
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const { events } of lines.map(parseInstallerOutput)) {
        for (const event of events) {
          if (event.event === 'response' && event.status < 300) phase = 'transferring'
          if (event.event === 'complete') phase = 'unpacking'
          if (phase === 'transferring') arm(seconds)
          if (phase === 'unpacking' && event.event === 'complete') arm(UNPACK_TIMEOUT_SECONDS)
          onEvent(event)
        }
      }
    })
    child.once('error', (error) => {
      clearTimeout(timer)
      resolveRun({ code: null, signal: null, output: `${output}\n${error.message}`, timedOut })
    })
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      resolveRun({ code, signal, output, timedOut })
    })
  })
}

function progressPrinter() {
  if (!process.stderr.isTTY) return { onEvent: () => undefined, done: () => undefined }
  let shown = false
  return {
    onEvent(event) {
      if (event.event !== 'progress' && event.event !== 'complete') return
      const mb = (bytes) => (bytes / 1e6).toFixed(1)
      const of = event.total ? ` of ${mb(event.total)} MB` : ' MB'
      process.stderr.write(`\r  ${mb(event.received)}${of}   `)
      shown = true
    },
    done: () => shown && process.stderr.write('\n'),
  }
}

const readText = (path) => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** node_modules/electron and the version it wants. */
export function electronPackage() {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
  return { packageDir, version }
}

/** resolveElectronBinary for this process: its environment, its platform, the files on disk. */
export function locateElectron(env = process.env) {
  const { packageDir, version } = electronPackage()
  return {
    version,
    packageDir,
    ...resolveElectronBinary({
      env,
      platform: process.platform,
      packageDir,
      version,
      exists: existsSync,
      readText,
    }),
  }
}

/**
 * Makes sure the binary is there, downloading it with install.js if need be. Resolves to the binary, or to the
 * paragraph to print.
 */
export async function ensureElectron({ env = process.env, command } = {}) {
  const located = locateElectron(env)
  const { version, packageDir } = located
  const facts = { version, platform: process.platform, arch: process.arch, command }
  for (const note of located.notes) process.stderr.write(`${note}\n`)
  if (located.kind === 'found') return { ok: true, path: located.path, distDir: located.distDir }
  if (located.kind === 'override-missing') {
    return { ok: false, message: overrideMissingParagraph({ ...facts, ...located }) }
  }
  const cacheDir = cacheRoot({ platform: process.platform, env, home: homedir() })
  process.stderr.write(`${downloadingLine({ ...facts, cacheDir })}\n`)
  const progress = progressPrinter()
  const seconds = timeoutSeconds(env)
  const run = await runInstaller({ packageDir, env, seconds, onEvent: progress.onEvent })
  progress.done()
  const after = locateElectron(env)
  if (run.code === 0 && !run.timedOut && after.kind === 'found') {
    process.stderr.write(`Electron ${version} is ready: ${after.path}\n`)
    return { ok: true, path: after.path, distDir: after.distDir }
  }
  const cause =
    run.code === 0 && !run.timedOut
      ? `the installer finished, but the binary is still not there (${after.kind === 'not-installed' ? after.reason : after.kind})`
      : describeCause(run)
  const zipRequest = parseInstallerOutput(run.output).events.findLast(
    (e) => e.event === 'request' && e.url.endsWith('.zip'),
  )
  return {
    ok: false,
    message: failureParagraph({
      ...facts,
      cause,
      cacheDir,
      zipFolder: zipRequest ? cacheFolderFor(zipRequest.url, cacheDir) : undefined,
      mirror: env['ELECTRON_MIRROR'] || env['npm_config_electron_mirror'] || undefined,
    }),
  }
}

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP']

async function main(argv) {
  const check = argv[0] === '--check'
  if (!check && argv.length === 0) {
    process.stderr.write('Usage: node scripts/with-electron.mjs --check | <command> [args…]\n')
    return 2
  }
  const ensured = await ensureElectron({ command: check ? undefined : argv.join(' ') })
  if (!ensured.ok) {
    process.stderr.write(`${ensured.message}\n`)
    return 1
  }
  if (check) {
    process.stdout.write(`${ensured.path}\n`)
    return 0
  }
  const root = fileURLToPath(new URL('..', import.meta.url))
  const [command, ...args] = substituteArgs(argv, { electronDist: ensured.distDir })
  const windows = process.platform === 'win32'
  const child = spawn(command ?? '', windows ? args.map(quoteForCmd) : args, {
    stdio: 'inherit',
    env: commandEnv(process.env, { executable: ensured.path, binDir: join(root, 'node_modules', '.bin') }),
    // On Windows the tools in node_modules/.bin are .cmd files, which only a shell runs.
    shell: windows,
  })
  const forward = (signal) => child.kill(signal)
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward)
  return new Promise((resolveExit) => {
    child.once('error', (error) => {
      process.stderr.write(`Cannot run ${command}: ${error.message}\n`)
      resolveExit(127)
    })
    child.once('exit', (code, signal) => {
      for (const name of FORWARDED_SIGNALS) process.off(name, forward)
      if (signal) {
        // Dies of the same signal; the exit code is the shell's convention in case the signal is ignored.
        process.kill(process.pid, signal)
        setTimeout(() => resolveExit(128 + (constants.signals[signal] ?? 0)), 1000)
        return
      }
      resolveExit(code ?? 1)
    })
  })
}

function isMain() {
  if (!process.argv[1]) return false
  try {
    return realpathSync(resolve(process.argv[1])) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isMain()) {
  process.exitCode = await main(process.argv.slice(2))
}
