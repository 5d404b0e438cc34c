import { createHash, randomBytes, type Hash } from 'node:crypto'
import { fakeVideo, videoObject } from './bodies'
import type { SourceProgress } from './log'
import type { ContentRange } from './upload'

/** What `POST /videos` accepts (the fake reads these fields; api.video requires `title`). */
export interface VideoCreation {
  readonly title: string
  readonly description?: string
  readonly public?: boolean
  readonly tags?: readonly string[]
  readonly metadata?: readonly { readonly key: string; readonly value: string }[]
}

interface SourceState {
  bytes: number
  readonly received: Set<number>
  nextPart: number
  nextByte: number
  totalParts?: number
  totalBytes?: number
  /** The running digest of the parts so far; undefined once a part came out of order. */
  hash: Hash | undefined
  complete: boolean
  sha256: string | null
}

interface VideoRecord {
  readonly json: Record<string, unknown>
  source: SourceState
}

/** The project's videos: the ones it starts with, then those created through `POST /videos`. */
export class VideoStore {
  private readonly videos = new Map<string, VideoRecord>()

  constructor(
    seeded: number,
    private readonly now: () => number,
  ) {
    for (let i = 1; i <= seeded; i += 1) {
      const json = fakeVideo(i)
      this.videos.set(String(json['videoId']), { json, source: freshSource() })
    }
  }

  /** Every video object, oldest first. */
  list(): Record<string, unknown>[] {
    return [...this.videos.values()].map((video) => video.json)
  }

  /** Creates a video with a new id, as `POST /videos` does. */
  create(fields: VideoCreation): Record<string, unknown> {
    const videoId = `vi${randomBytes(16).toString('base64url').replace(/[-_]/g, 'x').slice(0, 22)}`
    const json = videoObject({
      videoId,
      title: fields.title,
      description: fields.description ?? '',
      public: fields.public ?? true,
      tags: fields.tags ?? [],
      metadata: fields.metadata ?? [],
      createdAt: new Date(this.now()).toISOString(),
    })
    this.videos.set(videoId, { json, source: freshSource() })
    return json
  }

  get(videoId: string): Record<string, unknown> | undefined {
    return this.videos.get(videoId)?.json
  }

  /** The video's source as received so far. */
  sourceOf(videoId: string): SourceProgress | undefined {
    const source = this.videos.get(videoId)?.source
    return source === undefined ? undefined : progressOf(source)
  }

  /**
   * A copy of the running digest, to feed with the next part's file content while it streams, when `range`
   * continues the parts received so far in order; undefined otherwise.
   */
  digestFor(videoId: string, range: ContentRange | undefined): Hash | undefined {
    const source = this.videos.get(videoId)?.source
    if (source === undefined || range === undefined || source.hash === undefined) return undefined
    return inOrder(source, range) ? source.hash.copy() : undefined
  }

  /** Records a part (or a whole regular upload) that arrived in full; returns the progress after it. */
  commit(
    videoId: string,
    range: ContentRange | undefined,
    file: { readonly bytes: number; readonly sha256: string },
    digest: Hash | undefined,
  ): SourceProgress | undefined {
    const video = this.videos.get(videoId)
    if (video === undefined) return undefined
    if (range === undefined) {
      video.source = { ...freshSource(), bytes: file.bytes, complete: true, sha256: file.sha256 }
      video.source.received.add(1)
      return progressOf(video.source)
    }
    const source = video.source
    source.hash = inOrder(source, range) ? digest : undefined
    source.bytes += file.bytes
    if (range.kind === 'part') {
      source.received.add(range.part)
      source.nextPart = range.part + 1
      if (range.total !== '*') source.totalParts = range.total
    } else {
      source.received.add(source.received.size + 1)
      source.nextByte = range.to + 1
      if (range.total !== '*') source.totalBytes = range.total
    }
    source.complete =
      source.totalParts !== undefined
        ? source.received.size >= source.totalParts
        : source.totalBytes !== undefined && source.bytes >= source.totalBytes
    if (source.complete) source.sha256 = source.hash?.digest('hex') ?? null
    return progressOf(source)
  }

  /** Whether the video's source is complete (api.video takes one source per video). */
  isComplete(videoId: string): boolean {
    return this.videos.get(videoId)?.source.complete ?? false
  }
}

function freshSource(): SourceState {
  return {
    bytes: 0,
    received: new Set(),
    nextPart: 1,
    nextByte: 0,
    hash: createHash('sha256'),
    complete: false,
    sha256: null,
  }
}

function inOrder(source: SourceState, range: ContentRange): boolean {
  return range.kind === 'part' ? range.part === source.nextPart : range.from === source.nextByte
}

function progressOf(source: SourceState): SourceProgress {
  return {
    bytes: source.bytes,
    parts: source.received.size,
    complete: source.complete,
    sha256: source.sha256,
  }
}
