import { mkdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { Clock } from '../clock'
import { AppError } from '../errors'
import { withFileLock } from '../file-lock'
import { PROFILES_FILE, PROFILES_FILE_VERSION } from './profiles-file'
import { emptyDocument, profilesDocumentSchema, type ProfilesDocument } from './schema'

/** The profiles file could not be read; it was moved aside with its bytes intact. */
export class ProfilesFileCorruptError extends AppError<'profiles-file-corrupt'> {
  constructor(
    readonly reason: string,
    readonly movedTo: string,
  ) {
    super(
      'profiles-file-corrupt',
      `The profiles file could not be read (${reason}). It was moved aside, unchanged, to ${movedTo}; ` +
        'keychain entries were left alone. The app starts with no profiles.',
    )
    this.name = 'ProfilesFileCorruptError'
  }
}

/** The profiles file was written by a newer version of the app; it is left as it is. */
export class ProfilesFileTooNewError extends AppError<'profiles-file-too-new'> {
  constructor(readonly path: string) {
    super(
      'profiles-file-too-new',
      `The profiles file ${path} was written by a newer version of this app. Update the app to use it.`,
    )
    this.name = 'ProfilesFileTooNewError'
  }
}

/**
 * Profiles and settings in one JSON file, no secret in it. Writes are atomic (temp file, fsync, rename) and
 * read-modify-write under a cross-process lock, so the app and `avcm` never lose each other's changes.
 */
export class ProfileStore {
  readonly filePath: string

  constructor(
    readonly dataDir: string,
    private readonly clock: Clock,
  ) {
    this.filePath = join(dataDir, PROFILES_FILE)
  }

  /** The current document; an empty one if there is no file yet. */
  async read(): Promise<ProfilesDocument> {
    let text: string
    try {
      text = await readFile(this.filePath, 'utf8')
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return emptyDocument()
      throw error
    }
    return this.parse(text)
  }

  /**
   * Applies `change` to the current document under the lock and writes the result. `change` returns the new
   * document and a value handed back to the caller; throwing from it writes nothing.
   */
  async update<T>(
    change: (current: ProfilesDocument) => { document: ProfilesDocument; result: T },
  ): Promise<T> {
    return withFileLock(this.filePath, 'the profiles file', async () => {
      const { document, result } = change(await this.read())
      await this.write(document)
      return result
    })
  }

  private async write(document: ProfilesDocument): Promise<void> {
    const checked = profilesDocumentSchema.parse(document)
    await mkdir(this.dataDir, { recursive: true, mode: 0o700 })
    await writeFileAtomic(this.filePath, `${JSON.stringify(checked, null, 2)}\n`, {
      mode: 0o600,
      fsync: true,
    })
  }

  private async parse(text: string): Promise<ProfilesDocument> {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return this.moveAside('it is not valid JSON')
    }
    const version = (json as { version?: unknown } | null)?.version
    if (typeof version === 'number' && version > PROFILES_FILE_VERSION) {
      throw new ProfilesFileTooNewError(this.filePath)
    }
    const parsed = profilesDocumentSchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`
      return this.moveAside(`${issue?.message ?? 'unexpected content'}${where}`)
    }
    return parsed.data
  }

  /** Moves the unreadable file aside and throws; if another process moved it first, reads again. */
  private async moveAside(reason: string): Promise<ProfilesDocument> {
    const stamp = new Date(this.clock.now()).toISOString().replace(/[:.]/g, '-')
    const movedTo = join(this.dataDir, `profiles.corrupt-${stamp}-${process.pid}.json`)
    try {
      await rename(this.filePath, movedTo)
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return this.read()
      throw error
    }
    throw new ProfilesFileCorruptError(reason, movedTo)
  }
}
