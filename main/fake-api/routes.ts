import type { FakeRoute } from './faults'

/** A request's route: the operation, or the path's routes when the method fits none of them. */
export type RouteMatch =
  | { readonly kind: 'operation'; readonly route: FakeRoute; readonly videoId?: string }
  | {
      readonly kind: 'wrong-method'
      readonly route: FakeRoute
      readonly allow: string
      readonly videoId?: string
    }

interface Operation {
  readonly route: FakeRoute
  readonly method: string
  readonly path: RegExp
}

const VIDEO_ID = '([^/]+)'
const OPERATIONS: readonly Operation[] = [
  { route: 'auth/api-key', method: 'POST', path: /^\/auth\/api-key$/ },
  { route: 'auth/refresh', method: 'POST', path: /^\/auth\/refresh$/ },
  { route: 'videos', method: 'GET', path: /^\/videos$/ },
  { route: 'videos/create', method: 'POST', path: /^\/videos$/ },
  { route: 'videos/get', method: 'GET', path: new RegExp(`^/videos/${VIDEO_ID}$`) },
  { route: 'videos/source', method: 'POST', path: new RegExp(`^/videos/${VIDEO_ID}/source$`) },
]

/** The route of `method pathname`; undefined for a path the fake does not serve (404). */
export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
  const path = pathname.replace(/\/+$/, '')
  const onPath = OPERATIONS.flatMap((operation) => {
    const found = operation.path.exec(path)
    if (found === null) return []
    const id = found[1] === undefined ? undefined : decoded(found[1])
    return [{ operation, ...(id === undefined ? {} : { videoId: id }) }]
  })
  const first = onPath[0]
  if (first === undefined) return undefined
  const exact = onPath.find((candidate) => candidate.operation.method === method)
  if (exact !== undefined) {
    return { kind: 'operation', route: exact.operation.route, ...videoIdOf(exact) }
  }
  const allow = onPath.map((candidate) => candidate.operation.method).join(', ')
  return { kind: 'wrong-method', route: first.operation.route, allow, ...videoIdOf(first) }
}

function videoIdOf(candidate: { readonly videoId?: string }): { videoId?: string } {
  return candidate.videoId === undefined ? {} : { videoId: candidate.videoId }
}

/** A path segment, percent-decoded when it can be (a malformed escape stays as sent: an unknown id, 404). */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
