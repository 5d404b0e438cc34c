// The least a Node forwarder can do, in plain JavaScript so that it runs both in the benchmark's process
// (imported by bare-forwarder.ts) and in a process of its own (`node bare-forwarder-server.mjs <upstream>
// <token>`, which prints its URL as its first line), as `avcm proxy` does.
import { Agent, createServer, request } from 'node:http'
import { fileURLToPath } from 'node:url'

/**
 * A node:http server that sends every request on to `upstream` through one keep-alive agent with a fixed
 * bearer token and pipes the answer back; no checks, no token lookup, no log. Not listening yet.
 * @param {string} upstream
 * @param {string} bearer
 */
export function bareForwarderServer(upstream, bearer) {
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
  return { server, agent }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { server } = bareForwarderServer(process.argv[2] ?? '', process.argv[3] ?? '')
  server.listen(0, '127.0.0.1', () => {
    const address = server.address()
    console.log(`http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/`)
  })
  process.once('SIGTERM', () => process.exit(0))
}
