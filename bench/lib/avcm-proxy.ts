import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

/** `avcm proxy <profile>` running as its own process. */
export interface ChildProxy {
  /** The URL it printed. */
  readonly url: string
  readonly pid: number
  /** Sends SIGTERM; resolves with its exit code once it has exited. */
  stop(): Promise<number | null>
}

/**
 * Runs `node <avcm> proxy <profile>` (the built command, as a person runs it) and resolves once it has
 * printed its URL, its one line on stdout.
 */
export function startAvcmProxy(avcm: string, profile: string, env: NodeJS.ProcessEnv): Promise<ChildProxy> {
  const child = spawn(process.execPath, [avcm, 'proxy', profile], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Its log (a line per request) is read and only the last line kept, for an error message.
  let lastError = ''
  createInterface({ input: child.stderr }).on('line', (line) => {
    lastError = line
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const failed = (code: number | null) =>
      reject(new Error(`avcm proxy exited with ${code} before printing its URL: ${lastError}`))
    child.once('exit', failed)
    child.once('error', reject)
    createInterface({ input: child.stdout }).once('line', (url) => {
      child.off('exit', failed)
      if (child.pid === undefined || !/^http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/$/.test(url)) {
        child.kill('SIGKILL')
        reject(new Error(`avcm proxy printed ${JSON.stringify(url.slice(0, 80))}`))
        return
      }
      const pid = child.pid
      resolve({
        url,
        pid,
        stop: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
          return exited
        },
      })
    })
  })
}
