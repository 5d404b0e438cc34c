import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Fault } from './faults'
import { send } from './http'
import type { LoggedRequest } from './log'
import { receiveBody } from './upload'

/** Applies a fault; undefined means "then answer normally". An upload's body is read only where noted. */
export async function applyFault(
  fault: Fault,
  req: IncomingMessage,
  res: ServerResponse,
  streaming: boolean,
): Promise<LoggedRequest['result'] | undefined> {
  const drain = async () => {
    if (streaming) await receiveBody(req)
  }
  switch (fault.kind) {
    case 'latency':
      await new Promise((resolve) => setTimeout(resolve, fault.ms))
      return undefined
    case 'status':
      await drain()
      send(res, fault.status, fault.body ?? '', fault.contentType ?? 'application/json', fault.headers)
      return fault.status
    case 'malformed-json':
      await drain()
      send(res, 200, '{"token_type":"Bearer","expires_in":3600,"access_token":"eyJ', 'application/json')
      return 200
    case 'oversized':
      await drain()
      send(res, 200, `{"padding":"${'x'.repeat(Math.max(0, fault.bytes - 14))}"}`, 'application/json')
      return 200
    case 'reset':
      req.socket.resetAndDestroy()
      return 'reset'
    case 'reset-after':
      if (streaming) await bytesArrived(req, fault.bytes)
      req.socket.resetAndDestroy()
      return 'reset'
    case 'hang':
      return 'hang'
  }
}

/** Resolves once `bytes` of the body have arrived (or all of it), leaving the request paused. */
function bytesArrived(req: IncomingMessage, bytes: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0
    const stop = () => {
      req.off('data', onData)
      req.pause()
      resolve()
    }
    const onData = (chunk: Buffer) => {
      seen += chunk.length
      if (seen >= bytes) stop()
    }
    req.on('data', onData)
    req.once('end', stop)
    req.once('error', stop)
  })
}
