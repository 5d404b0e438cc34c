import { spawn, type ChildProcess } from 'node:child_process'
import { AVCM } from './run-avcm'

/** `avcm proxy` running as a real process. */
export interface AvcmProxy {
  /** The URL it printed, its one line on stdout. */
  readonly url: string
  readonly child: ChildProcess
  readonly pid: number
  readonly stdout: () => string
  readonly stderr: () => string
  /** Sends `signal` unless it has exited already, and resolves to the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/**
 * Starts `node <avcm> proxy <args>` (the built command, as a person runs it; `out/main/avcm.js` unless the
 * benchmarks' copy is given) and resolves once it has printed its URL.
 */
export function startAvcmProxy(
  args: readonly string[],
  env: Record<string, string | undefined>,
  avcm: string = AVCM,
): Promise<AvcmProxy> {
  const child = spawn(process.execPath, [avcm, 'proxy', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.stdout.on('data', (chunk: Buffer) => {
      const first = !stdout.includes('\n')
      stdout += chunk.toString()
      if (!first || !stdout.includes('\n')) return
      const url = stdout.split('\n')[0] ?? ''
      if (child.pid === undefined || !/^http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/$/.test(url)) {
        child.kill('SIGKILL')
        reject(new Error(`avcm proxy printed ${JSON.stringify(url.slice(0, 80))}`))
        return
      }
      resolve({
        url,
        child,
        pid: child.pid,
        stdout: () => stdout,
        stderr: () => stderr,
        stop: (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal)
          return exited
        },
      })
    })
    void exited.then((code) => reject(new Error(`avcm proxy exited with ${code}: ${stderr}`)))
  })
}
