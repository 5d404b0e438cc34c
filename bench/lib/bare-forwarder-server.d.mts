import type { Agent, Server } from 'node:http'

/** See bare-forwarder-server.mjs. */
export function bareForwarderServer(upstream: string, bearer: string): { server: Server; agent: Agent }
