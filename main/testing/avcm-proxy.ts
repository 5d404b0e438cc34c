import { spawn, type ChildProcess } from 'node:child_process'
import { AVCM } from './run-avcm'

/** `avcm proxy` running as a real process. */
export interface AvcmProxy {
  readonly url: string
  readonly child: ChildProcess
  readonly stdout: () => string
  readonly stderr: () => string
  /** Sends `signal` and resolves to the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Starts `avcm proxy <args>` and waits for the line with its URL. */
export function startAvcmProxy(
  args: readonly string[],
  env: Record<string, string | undefined>,
): Promise<AvcmProxy> {
  const child = spawn(process.execPath, [AVCM, 'proxy', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (!stdout.includes('\n')) return
      const started: AvcmProxy = {
        url: stdout.split('\n')[0] ?? '',
        child,
        stdout: () => stdout,
        stderr: () => stderr,
        stop: (signal = 'SIGTERM') => {
          child.kill(signal)
          return exited
        },
      }
      resolve(started)
    })
    void exited.then((code) => reject(new Error(`avcm proxy exited with ${code}: ${stderr}`)))
  })
}
