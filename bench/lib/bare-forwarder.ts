import { spawn } from 'node:child_process'
import { Agent, createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createInterface } from 'node:readline'

/** A running {@link startBareForwarder}. */
export interface BareForwarder {
  /** `http://127.0.0.1:<port>/`. */
  readonly url: string
  close(): Promise<void>
}

/**
 * The least a Node forwarder can do: a node:http server that sends every request on to `upstream` through
 * one keep-alive agent with a fixed bearer token and pipes the answer back; no checks, no token lookup, no
 * log. Not something to run: a floor, to tell what any HTTP hop costs from what the endpoint adds to it.
 */
export async function startBareForwarder(upstream: string, bearer: string): Promise<BareForwarder> {
  const target = new URL(upstream)
  const agent = new Agent({ keepAlive: true })
  const server = createServer((req, res) => {
    const outgoing = request(
      {
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, authorization: `Bearer ${bearer}` },
        agent,
      },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers)
        response.pipe(res)
      },
    )
    outgoing.once('error', () => res.destroy())
    req.pipe(outgoing)
  })
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

/**
 * The same forwarder as a script for `node -e`, so it can run in a process of its own as `avcm proxy` does;
 * `process.argv[1]` is the upstream, `[2]` the token; it prints its URL as its first line.
 */
const BARE_FORWARDER_SCRIPT = `
const { Agent, createServer, request } = require('node:http')
const target = new URL(process.argv[1])
const agent = new Agent({ keepAlive: true })
const server = createServer((req, res) => {
  const outgoing = request(
    {
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target.host, authorization: 'Bearer ' + process.argv[2] },
      agent,
    },
    (response) => {
      res.writeHead(response.statusCode ?? 502, response.headers)
      response.pipe(res)
    },
  )
  outgoing.once('error', () => res.destroy())
  req.pipe(outgoing)
})
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port + '/'))
process.once('SIGTERM', () => process.exit(0))
`

/** {@link startBareForwarder} in a child process; resolves once it listens. */
export async function spawnBareForwarder(
  upstream: string,
  bearer: string,
): Promise<BareForwarder & { readonly pid: number }> {
  const child = spawn(process.execPath, ['-e', BARE_FORWARDER_SCRIPT, upstream, bearer], {
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
