import { spawn } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { bareForwarderServer } from './bare-forwarder-server.mjs'

/** The same forwarder as a script of its own, for a process of its own. */
const SERVER_SCRIPT = join(import.meta.dirname, 'bare-forwarder-server.mjs')

/** A running {@link startBareForwarder}. */
export interface BareForwarder {
  /** `http://127.0.0.1:<port>/`. */
  readonly url: string
  close(): Promise<void>
}

/**
 * The least a Node forwarder can do (bare-forwarder-server.mjs), in this process. Not something to run: a
 * floor, to tell what any HTTP hop costs from what the endpoint adds to it.
 */
export async function startBareForwarder(upstream: string, bearer: string): Promise<BareForwarder> {
  const { server, agent } = bareForwarderServer(upstream, bearer)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          agent.destroy()
          resolve()
        })
        server.closeIdleConnections()
      }),
  }
}

/** {@link startBareForwarder} in a child process; resolves once it listens. */
export async function spawnBareForwarder(
  upstream: string,
  bearer: string,
): Promise<BareForwarder & { readonly pid: number }> {
  const child = spawn(process.execPath, [SERVER_SCRIPT, upstream, bearer], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`the bare forwarder exited with ${code}`)))
    createInterface({ input: child.stdout }).once('line', resolve)
  })
  return {
    url,
    pid: child.pid ?? 0,
    close: () => {
      child.kill('SIGTERM')
      return exited
    },
  }
}
