import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  cacheFolderFor,
  cacheRoot,
  commandEnv,
  defaultCacheRoot,
  describeCause,
  distFolderOf,
  downloadingLine,
  EVENT_MARKER,
  executableName,
  failureParagraph,
  overrideMissingParagraph,
  parseInstallerOutput,
  quoteForCmd,
  resolveElectronBinary,
  substituteArgs,
  timeoutSeconds,
  zipName,
} from './with-electron.mjs'

const ROOT = join(import.meta.dirname, '..')
const SCRIPT = join(ROOT, 'scripts', 'with-electron.mjs')
const REAL_PACKAGE = join(ROOT, 'node_modules', 'electron')
const VERSION = (JSON.parse(readFileSync(join(REAL_PACKAGE, 'package.json'), 'utf8')) as { version: string })
  .version
const ZIP = zipName({ version: VERSION, platform: process.platform, arch: process.arch })
/** Prints what the wrapped command saw, then exits with a code of its own. */
const PRINT_AND_EXIT = [
  'node',
  '-e',
  'console.log(JSON.stringify({ exec: process.env.ELECTRON_EXEC_PATH, args: process.argv.slice(1) })); process.exit(3)',
  '--',
]

// ─── Running the script ────────────────────────────────────────────────────────────────────────────────────

interface Run {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

const children = new Set<ChildProcess>()
const scratchDirs: string[] = []
const closers: (() => Promise<void>)[] = []

afterEach(async () => {
  for (const child of children) child.kill('SIGKILL')
  children.clear()
  await Promise.all(closers.splice(0).map((close) => close()))
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  scratchDirs.push(dir)
  return dir
}

/** The environment minus anything about Electron (a developer's ELECTRON_MIRROR, a cache, an override…). */
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !/electron/i.test(name)) env[name] = value
  }
  return { ...env, ...extra }
}

function run(script: string, args: readonly string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    children.add(child)
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.once('error', reject)
    child.once('close', (code, signal) => {
      children.delete(child)
      resolve({ code, signal, stdout, stderr })
    })
  })
}

/**
 * A project of its own for the download tests: a copy of the script and of node_modules/electron's installer
 * (with @electron/get and the unzipper linked from the real node_modules), so that whatever the installer
 * would write lands here, never in the real node_modules/electron, and so that a binary already installed
 * there does not spare the download.
 */
function scratchProject(): { script: string; packageDir: string; cache: string; tmp: string } {
  const dir = scratch('avcm-with-electron-')
  mkdirSync(join(dir, 'scripts'))
  cpSync(SCRIPT, join(dir, 'scripts', 'with-electron.mjs'))
  const packageDir = join(dir, 'node_modules', 'electron')
  mkdirSync(packageDir, { recursive: true })
  for (const file of ['package.json', 'install.js', 'checksums.json']) {
    cpSync(join(REAL_PACKAGE, file), join(packageDir, file))
  }
  for (const scope of ['@electron', '@electron-internal']) {
    symlinkSync(join(ROOT, 'node_modules', scope), join(dir, 'node_modules', scope), 'junction')
  }
  const cache = join(dir, 'cache')
  const tmp = join(dir, 'tmp')
  mkdirSync(cache)
  mkdirSync(tmp)
  return { script: join(dir, 'scripts', 'with-electron.mjs'), packageDir, cache, tmp }
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void

/** A loopback HTTP server standing in for a mirror; `requests` lists the paths asked for. */
async function mirror(handler: Handler): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = []
  const server = createServer((request, response) => {
    requests.push(request.url ?? '')
    handler(request, response)
  })
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests }
}

/** A loopback port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()
}

/** What every failure to download must look like. */
function expectTheParagraph(result: Run): void {
  expect(result.code).toBe(1)
  expect(result.stderr).toContain(`Downloading Electron ${VERSION} for ${process.platform}-${process.arch}`)
  expect(result.stderr).toContain(`the Electron ${VERSION} binary for ${process.platform}-${process.arch}`)
  expect(result.stderr).toContain('ELECTRON_MIRROR')
  expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH')
  expect(result.stderr).not.toContain('Electron uninstall')
  expect(result.stderr).not.toContain('    at ')
  expect(result.stderr).not.toMatch(/^\s*at /m)
  // One paragraph after the "Downloading" line, and the command never ran.
  expect(result.stderr.trim().split('\n')).toHaveLength(2)
  expect(result.stdout).toBe('')
}

// ─── A zip for the successful download ─────────────────────────────────────────────────────────────────────

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Buffer): number {
  let c = 0xffffffff
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A zip of uncompressed entries with Unix modes, enough for Electron's unzipper. */
function storedZip(entries: readonly { name: string; data: Buffer; mode: number }[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const { name, data, mode } of entries) {
    const fileName = Buffer.from(name)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(33, 12) // 1980-01-01
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(fileName.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE((3 << 8) | 20, 4) // made on Unix
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(33, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(fileName.length, 28)
    central.writeUInt32LE(((0o100000 | mode) << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    locals.push(local, fileName, data)
    centrals.push(central, fileName)
    offset += local.length + fileName.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

// ─── The script, end to end ────────────────────────────────────────────────────────────────────────────────

/** Runs the script in a scratch project with Electron's download pointed at `mirror`, in its own cache and temp. */
function downloadFrom(
  project: ReturnType<typeof scratchProject>,
  mirror: string,
  env: Record<string, string> = {},
) {
  return run(
    project.script,
    PRINT_AND_EXIT,
    cleanEnv({ ELECTRON_MIRROR: mirror, electron_config_cache: project.cache, TMPDIR: project.tmp, ...env }),
  )
}

describe('with-electron.mjs when the binary must be downloaded and cannot be', () => {
  it('explains an HTTP 404 from the mirror in one paragraph, and leaves node_modules/electron alone', async () => {
    const before = listing(REAL_PACKAGE)
    const project = scratchProject()
    const server = await mirror((_, response) => response.writeHead(404).end('no such file'))
    const result = await downloadFrom(project, server.url)
    expectTheParagraph(result)
    expect(server.requests).toContain(`/v${VERSION}/${ZIP}`)
    expect(result.stderr).toContain(`answered HTTP 404 (Not Found) for ${server.url}v${VERSION}/${ZIP}`)
    expect(result.stderr).toContain(`ELECTRON_MIRROR (now ${server.url})`)
    expect(result.stderr).toContain(cacheFolderFor(`${server.url}v${VERSION}/${ZIP}`, project.cache))
    // Nothing unpacked, nothing cached, nothing written to the real package.
    expect(listing(project.packageDir)).toEqual(['checksums.json', 'install.js', 'package.json'])
    expect(listing(project.cache)).toEqual([])
    expect(listing(REAL_PACKAGE)).toEqual(before)
  }, 90_000)

  it('explains a refused connection', async () => {
    const project = scratchProject()
    const port = await closedPort()
    const result = await downloadFrom(project, `http://127.0.0.1:${port}/`)
    expectTheParagraph(result)
    expect(result.stderr).toContain(`127.0.0.1:${port} refused the connection (connection refused`)
    expect(listing(project.packageDir)).toEqual(['checksums.json', 'install.js', 'package.json'])
  }, 90_000)

  it('gives up on a mirror that never answers after AVCM_ELECTRON_DOWNLOAD_TIMEOUT seconds', async () => {
    const project = scratchProject()
    const server = await mirror(() => undefined)
    const result = await downloadFrom(project, server.url, { AVCM_ELECTRON_DOWNLOAD_TIMEOUT: '1' })
    expectTheParagraph(result)
    expect(result.stderr).toContain(`${new URL(server.url).host} did not answer within 1 s (timeout)`)
  }, 30_000)

  it('gives up on a download that stalls', async () => {
    const project = scratchProject()
    const server = await mirror((_, response) => {
      response.writeHead(200, { 'content-length': '1000000' })
      response.write(Buffer.alloc(1000))
    })
    const result = await downloadFrom(project, server.url, { AVCM_ELECTRON_DOWNLOAD_TIMEOUT: '1' })
    expectTheParagraph(result)
    expect(result.stderr).toContain('stalled: no data for 1 s (timeout)')
  }, 30_000)

  it('explains a checksum mismatch, and unpacks nothing', async () => {
    const project = scratchProject()
    const server = await mirror((_, response) => response.writeHead(200).end('not an Electron zip'))
    const result = await downloadFrom(project, server.url)
    expectTheParagraph(result)
    expect(result.stderr).toContain(`the downloaded ${ZIP} failed its checksum check (checksum mismatch`)
    expect(listing(project.packageDir)).toEqual(['checksums.json', 'install.js', 'package.json'])
  }, 90_000)
})

describe('with-electron.mjs when the download works', () => {
  it('unpacks the binary, runs the command with ELECTRON_EXEC_PATH, and downloads only once', async () => {
    const project = scratchProject()
    const executable = executableName(process.platform)
    const zip = storedZip([
      { name: executable, data: Buffer.from('#!/bin/sh\nexit 0\n'), mode: 0o755 },
      { name: 'version', data: Buffer.from(VERSION), mode: 0o644 },
    ])
    const sums = `${createHash('sha256').update(zip).digest('hex')} *${ZIP}\n`
    const server = await mirror((request, response) => {
      if (request.url === `/v${VERSION}/${ZIP}`) response.writeHead(200).end(zip)
      else if (request.url === `/v${VERSION}/SHASUMS256.txt`) response.writeHead(200).end(sums)
      else response.writeHead(404).end()
    })
    // The package's checksums.json knows only the real zips: this one is checked against the mirror's list.
    const env = cleanEnv({
      ELECTRON_MIRROR: server.url,
      electron_config_cache: project.cache,
      electron_use_remote_checksums: '1',
      TMPDIR: project.tmp,
    })
    const first = await run(project.script, [...PRINT_AND_EXIT, '{electronDist}'], env)
    const binary = join(project.packageDir, 'dist', executable)
    expect(first.stderr).toContain(`Downloading Electron ${VERSION}`)
    expect(first.stderr).toContain(`Electron ${VERSION} is ready: ${binary}`)
    expect(first.code).toBe(3)
    expect(JSON.parse(first.stdout)).toEqual({ exec: binary, args: [join(project.packageDir, 'dist')] })
    expect(existsSync(join(cacheFolderFor(`${server.url}v${VERSION}/${ZIP}`, project.cache), ZIP))).toBe(true)

    const requests = server.requests.length
    const second = await run(project.script, PRINT_AND_EXIT, env)
    expect(second.stderr).toBe('')
    expect(second.code).toBe(3)
    expect(server.requests).toHaveLength(requests)
  }, 90_000)
})

describe('with-electron.mjs with an Electron given', () => {
  function overrideDir(): { dir: string; executable: string } {
    const dir = scratch('avcm-electron-override-')
    const executable = join(dir, executableName(process.platform))
    mkdirSync(dirname(executable), { recursive: true })
    writeFileSync(executable, '#!/bin/sh\necho "not really Electron"\n')
    chmodSync(executable, 0o755)
    return { dir, executable }
  }

  it('runs the command with ELECTRON_EXEC_PATH set to ELECTRON_OVERRIDE_DIST_PATH’s executable, exit code passed through', async () => {
    const { dir, executable } = overrideDir()
    const result = await run(
      SCRIPT,
      [...PRINT_AND_EXIT, '-c.electronDist={electronDist}'],
      cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dir }),
    )
    expect(result.code).toBe(3)
    expect(JSON.parse(result.stdout)).toEqual({ exec: executable, args: [`-c.electronDist=${dir}`] })
    expect(result.stderr).toBe('')
  })

  it('--check prints the binary and runs nothing', async () => {
    const { dir, executable } = overrideDir()
    const result = await run(SCRIPT, ['--check'], cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dir }))
    expect(result).toEqual({ code: 0, signal: null, stdout: `${executable}\n`, stderr: '' })
  })

  it('prefers an existing ELECTRON_EXEC_PATH', async () => {
    const { dir } = overrideDir()
    const other = overrideDir()
    const result = await run(
      SCRIPT,
      PRINT_AND_EXIT,
      cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dir, ELECTRON_EXEC_PATH: other.executable }),
    )
    expect(result.code).toBe(3)
    expect((JSON.parse(result.stdout) as { exec: string }).exec).toBe(other.executable)
  })

  it('says so when ELECTRON_OVERRIDE_DIST_PATH holds no Electron, and downloads nothing', async () => {
    const dir = scratch('avcm-electron-override-')
    const result = await run(SCRIPT, PRINT_AND_EXIT, cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dir }))
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(
      `ELECTRON_OVERRIDE_DIST_PATH is set to ${dir}, but ${join(dir, executableName(process.platform))} does not exist`,
    )
    expect(result.stderr).not.toContain('Downloading')
  })

  it.skipIf(process.platform === 'win32')('dies of the signal that killed the command', async () => {
    const { dir } = overrideDir()
    const result = await run(
      SCRIPT,
      ['node', '-e', 'process.kill(process.pid, "SIGTERM")'],
      cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dir }),
    )
    expect(result.signal).toBe('SIGTERM')
  })

  it('exits 127 when the command does not exist', async () => {
    const { dir } = overrideDir()
    const result = await run(SCRIPT, ['avcm-no-such-command'], cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dir }))
    expect(result.code).toBe(127)
    expect(result.stderr).toContain('Cannot run avcm-no-such-command')
  })
})

// ─── The decisions ─────────────────────────────────────────────────────────────────────────────────────────

describe('resolveElectronBinary', () => {
  const packageDir = '/p/node_modules/electron'
  function resolveWith(env: Record<string, string>, files: Record<string, string>) {
    return resolveElectronBinary({
      env,
      platform: 'linux',
      packageDir,
      version: '45.5.0',
      exists: (path) => path in files,
      readText: (path) => files[path],
    })
  }
  const installed = {
    [`${packageDir}/path.txt`]: 'electron',
    [`${packageDir}/dist/version`]: '45.5.0',
    [`${packageDir}/dist/electron`]: '',
  }

  it('takes ELECTRON_EXEC_PATH when that file exists', () => {
    expect(
      resolveWith(
        { ELECTRON_EXEC_PATH: '/x/electron', ELECTRON_OVERRIDE_DIST_PATH: '/o' },
        { '/x/electron': '', '/o/electron': '' },
      ),
    ).toMatchObject({
      kind: 'found',
      source: 'ELECTRON_EXEC_PATH',
      path: '/x/electron',
      distDir: '/x',
    })
  })

  it('ignores a missing ELECTRON_EXEC_PATH, with a note, and goes on', () => {
    expect(resolveWith({ ELECTRON_EXEC_PATH: '/gone' }, installed)).toMatchObject({
      kind: 'found',
      source: 'node_modules/electron',
      path: `${packageDir}/dist/electron`,
      notes: ['ELECTRON_EXEC_PATH is set to /gone, which does not exist; it is ignored.'],
    })
  })

  it('takes ELECTRON_OVERRIDE_DIST_PATH before node_modules/electron, and notes another version', () => {
    expect(
      resolveWith(
        { ELECTRON_OVERRIDE_DIST_PATH: '/o' },
        { ...installed, '/o/electron': '', '/o/version': 'v44.0.0' },
      ),
    ).toEqual({
      kind: 'found',
      source: 'ELECTRON_OVERRIDE_DIST_PATH',
      path: '/o/electron',
      distDir: '/o',
      notes: ['ELECTRON_OVERRIDE_DIST_PATH holds Electron 44.0.0; this project is built against 45.5.0.'],
    })
  })

  it('reports ELECTRON_OVERRIDE_DIST_PATH without an executable, even when node_modules/electron has one', () => {
    expect(resolveWith({ ELECTRON_OVERRIDE_DIST_PATH: '/o' }, installed)).toEqual({
      kind: 'override-missing',
      overrideDir: '/o',
      path: '/o/electron',
      notes: [],
    })
  })

  it('wants path.txt, the right version and the executable in node_modules/electron/dist', () => {
    expect(resolveWith({}, installed)).toMatchObject({ kind: 'found', distDir: `${packageDir}/dist` })
    expect(resolveWith({}, {})).toMatchObject({
      kind: 'not-installed',
      reason: 'node_modules/electron/path.txt is absent',
    })
    expect(resolveWith({}, { ...installed, [`${packageDir}/dist/version`]: '44.1.0' })).toMatchObject({
      kind: 'not-installed',
      reason: 'node_modules/electron/dist holds Electron 44.1.0, not 45.5.0',
    })
    const noBinary = Object.fromEntries(
      Object.entries(installed).filter(([path]) => !path.endsWith('/electron')),
    )
    expect(resolveWith({}, noBinary)).toMatchObject({
      kind: 'not-installed',
      reason: `${packageDir}/dist/electron is missing`,
    })
  })
})

describe('the platform details', () => {
  it('names the executable and its dist folder per platform', () => {
    expect(executableName('linux')).toBe('electron')
    expect(executableName('win32')).toBe('electron.exe')
    expect(executableName('darwin')).toBe('Electron.app/Contents/MacOS/Electron')
    expect(distFolderOf('/d/Electron.app/Contents/MacOS/Electron', 'darwin')).toBe('/d')
    expect(distFolderOf('/d/electron', 'linux')).toBe('/d')
    expect(distFolderOf('/d/my-electron-build', 'linux')).toBe('/d')
  })

  it('finds the cache where @electron/get keeps it, or in electron_config_cache', () => {
    expect(defaultCacheRoot({ platform: 'linux', env: {}, home: '/h' })).toBe('/h/.cache/electron')
    expect(defaultCacheRoot({ platform: 'linux', env: { XDG_CACHE_HOME: '/x' }, home: '/h' })).toBe(
      '/x/electron',
    )
    expect(defaultCacheRoot({ platform: 'darwin', env: {}, home: '/h' })).toBe('/h/Library/Caches/electron')
    expect(defaultCacheRoot({ platform: 'win32', env: { LOCALAPPDATA: '/l' }, home: '/h' })).toBe(
      join('/l', 'electron', 'Cache'),
    )
    expect(cacheRoot({ platform: 'linux', env: { electron_config_cache: '/c' }, home: '/h' })).toBe('/c')
  })

  it('names the cache folder after the download URL’s folder, ignoring query and fragment', () => {
    const folder = cacheFolderFor('https://m.example/e/v1.2.3/electron-v1.2.3-linux-x64.zip?x=1#y', '/c')
    const expected = createHash('sha256').update('https://m.example/e/v1.2.3').digest('hex')
    expect(folder).toBe(join('/c', expected))
  })

  it('reads the timeout from AVCM_ELECTRON_DOWNLOAD_TIMEOUT, else 60 s', () => {
    expect(timeoutSeconds({})).toBe(60)
    expect(timeoutSeconds({ AVCM_ELECTRON_DOWNLOAD_TIMEOUT: '5' })).toBe(5)
    expect(timeoutSeconds({ AVCM_ELECTRON_DOWNLOAD_TIMEOUT: 'soon' })).toBe(60)
    expect(timeoutSeconds({ AVCM_ELECTRON_DOWNLOAD_TIMEOUT: '0' })).toBe(60)
  })

  it('announces the download with its version, size and cache', () => {
    expect(downloadingLine({ version: '45.5.0', platform: 'linux', arch: 'x64', cacheDir: '/c' })).toMatch(
      /^Downloading Electron 45\.5\.0 for linux-x64 \(about \d+ MB, once; cached in \/c\)/,
    )
  })

  it('quotes the arguments cmd.exe would split or act on', () => {
    expect(quoteForCmd('preview')).toBe('preview')
    expect(quoteForCmd('-c.electronDist=C:\\Users\\A B\\dist')).toBe('"-c.electronDist=C:\\Users\\A B\\dist"')
    expect(quoteForCmd('a&b')).toBe('"a&b"')
    expect(quoteForCmd('say "hi"')).toBe('"say \\"hi\\""')
    expect(quoteForCmd('')).toBe('""')
  })

  it('substitutes {electronDist} and puts node_modules/.bin first on the PATH, whatever its spelling', () => {
    expect(substituteArgs(['a', '-c.electronDist={electronDist}'], { electronDist: '/d' })).toEqual([
      'a',
      '-c.electronDist=/d',
    ])
    const env = commandEnv(
      { Path: 'C:\\bin', OTHER: '1' },
      { executable: 'C:\\e.exe', binDir: 'C:\\nm\\.bin' },
    )
    expect(env['Path']?.startsWith('C:\\nm\\.bin')).toBe(true)
    expect(env['PATH']).toBeUndefined()
    expect(env['ELECTRON_EXEC_PATH']).toBe('C:\\e.exe')
    expect(commandEnv({}, { executable: '/e', binDir: '/b' })['PATH']).toBe('/b')
  })
})

describe('describeCause', () => {
  const url = 'https://mirror.example/electron/v45.5.0/electron-v45.5.0-linux-x64.zip'
  const event = (fields: Record<string, unknown>): string => `${EVENT_MARKER}${JSON.stringify(fields)}`
  const stack =
    'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async download (x.js:1:1)'
  const failed = (code: string, causeMessage = 'boom'): string =>
    [event({ event: 'request', url }), event({ event: 'error', url, code, causeMessage }), stack].join('\n')

  it('names DNS failures, refusals, timeouts, cut connections, unreachable networks and TLS problems', () => {
    expect(describeCause({ output: failed('ENOTFOUND') })).toBe(
      'the name mirror.example could not be resolved (DNS failure, ENOTFOUND)',
    )
    expect(describeCause({ output: failed('EAI_AGAIN') })).toContain('DNS failure')
    expect(describeCause({ output: failed('ECONNREFUSED') })).toBe(
      'mirror.example refused the connection (connection refused, ECONNREFUSED)',
    )
    expect(describeCause({ output: failed('UND_ERR_CONNECT_TIMEOUT') })).toBe(
      'connecting to mirror.example timed out (timeout, UND_ERR_CONNECT_TIMEOUT)',
    )
    expect(describeCause({ output: failed('ECONNRESET') })).toBe(
      'the connection to mirror.example was cut (ECONNRESET)',
    )
    expect(describeCause({ output: failed('ENETUNREACH') })).toContain('cannot be reached from this network')
    expect(describeCause({ output: failed('UNABLE_TO_VERIFY_LEAF_SIGNATURE') })).toBe(
      'the TLS certificate of mirror.example was not accepted (UNABLE_TO_VERIFY_LEAF_SIGNATURE)',
    )
    expect(describeCause({ output: failed('EWHATEVER', 'odd') })).toBe(
      'fetching from mirror.example failed (EWHATEVER: odd)',
    )
  })

  it('names an HTTP error, from the reporter or from the installer’s own message', () => {
    const response = event({ event: 'response', url, status: 404, statusText: 'Not Found', total: null })
    expect(describeCause({ output: `${event({ event: 'request', url })}\n${response}` })).toBe(
      `mirror.example answered HTTP 404 (Not Found) for ${url}`,
    )
    expect(
      describeCause({ output: `HTTPError: Response code 403 (Forbidden) for ${url}\n    at x (y.js:1:1)` }),
    ).toBe(`mirror.example answered HTTP 403 (Forbidden) for ${url}`)
  })

  it('names a checksum mismatch', () => {
    expect(
      describeCause({
        output:
          'Error: Generated checksum for "electron-v45.5.0-linux-x64.zip" did not match expected checksum.',
      }),
    ).toBe(
      'the downloaded electron-v45.5.0-linux-x64.zip failed its checksum check (checksum mismatch: a damaged download, or a mirror serving a different build)',
    )
  })

  it('names each kind of timeout', () => {
    const output = event({ event: 'request', url })
    expect(describeCause({ output, timedOut: { phase: 'connecting', seconds: 60 } })).toBe(
      'mirror.example did not answer within 60 s (timeout)',
    )
    expect(describeCause({ output, timedOut: { phase: 'transferring', seconds: 60 } })).toBe(
      'the download from mirror.example stalled: no data for 60 s (timeout)',
    )
    expect(describeCause({ output: '', timedOut: { phase: 'unpacking', seconds: 180 } })).toContain(
      'longer than 180 s (timeout)',
    )
  })

  it('falls back to the first line of the message, without stack frames or "Electron uninstall"', () => {
    const cause = describeCause({
      output: 'Error: Electron uninstall\n    at getElectronPath (lib.js:1:1)\n    at main (cli.js:2:2)',
      code: 1,
    })
    expect(cause).toBe('the installer said: the Electron binary is missing')
    expect(describeCause({ output: stack, code: 1 })).toBe('the installer said: fetch failed')
    expect(describeCause({ output: '', code: 1 })).toBe('the installer exited with code 1 without saying why')
    expect(describeCause({ output: '', signal: 'SIGKILL' })).toBe('the installer was stopped by SIGKILL')
  })
})

describe('the paragraphs', () => {
  const facts = { version: '45.5.0', platform: 'linux', arch: 'x64', cacheDir: '/c' }

  it('says what is missing, why and the three ways out, in one paragraph', () => {
    const text = failureParagraph({
      ...facts,
      cause: 'the name github.com could not be resolved (DNS failure, ENOTFOUND)',
      zipFolder: '/c/abc',
      mirror: undefined,
      command: 'electron-vite preview',
    })
    expect(text).not.toContain('\n')
    expect(text).toMatch(
      /^Cannot run electron-vite preview: the Electron 45\.5\.0 binary for linux-x64 is not installed/,
    )
    expect(text).toContain(
      'downloading it failed: the name github.com could not be resolved (DNS failure, ENOTFOUND).',
    )
    expect(text).toContain('set ELECTRON_MIRROR to a mirror')
    expect(text).toContain('v45.5.0/electron-v45.5.0-linux-x64.zip')
    expect(text).toContain(
      'set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked Electron 45.5.0 for linux-x64',
    )
    expect(text).toContain('put it in /c/abc (inside /c')
  })

  it('shows the mirror in use, and the cache root when the URL is unknown', () => {
    const text = failureParagraph({
      ...facts,
      cause: 'x',
      zipFolder: undefined,
      mirror: 'https://m.example/',
    })
    expect(text).toMatch(/^The Electron 45\.5\.0 binary/)
    expect(text).toContain('ELECTRON_MIRROR (now https://m.example/)')
    expect(text).toContain("Electron's download cache, /c, in the sub-folder named after its download URL")
  })

  it('says which override is empty', () => {
    const text = overrideMissingParagraph({ ...facts, overrideDir: '/o', path: '/o/electron', command: 'x' })
    expect(text).toBe(
      'Cannot run x: ELECTRON_OVERRIDE_DIST_PATH is set to /o, but /o/electron does not exist. Point ELECTRON_OVERRIDE_DIST_PATH at a folder holding an unpacked Electron 45.5.0 for linux-x64 (the folder that holds electron), or unset it to use (or download) the binary in node_modules/electron.',
    )
  })
})

describe('parseInstallerOutput', () => {
  it('separates the reporter’s events from the rest, and skips a line cut short', () => {
    const output = `hello\n${EVENT_MARKER}{"event":"request","url":"u"}\n${EVENT_MARKER}{"event":"resp\n\nbye`
    expect(parseInstallerOutput(output)).toEqual({
      events: [{ event: 'request', url: 'u' }],
      text: 'hello\nbye',
    })
  })
})
