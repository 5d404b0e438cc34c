import { stat } from 'node:fs/promises'
import type { Clock } from '../clock'
import { InvalidInputError } from '../errors'
import { ProfilesFileCorruptError, ProfilesFileTooNewError, ProfileStore } from '../profiles/profile-store'
import { emptyDocument, nameKey, type ProfilesDocument } from '../profiles/schema'

/**
 * The service's copy of the profiles file: loaded at start, reloaded when another process changed the file,
 * and changed only through the store's locked read-modify-write.
 */
export class LoadedProfiles {
  private readonly store: ProfileStore
  private current: ProfilesDocument = emptyDocument()
  private readOnly: ProfilesFileTooNewError | undefined
  private stamp: number | undefined

  constructor(dataDir: string, clock: Clock) {
    this.store = new ProfileStore(dataDir, clock)
  }

  get document(): ProfilesDocument {
    return this.current
  }

  /**
   * Reads the file. An unreadable file (moved aside) or one from a newer version is returned as the problem
   * to report, and the app goes on with no profiles; a newer file also makes every change refused.
   */
  async load(): Promise<ProfilesFileCorruptError | ProfilesFileTooNewError | undefined> {
    this.stamp = await this.mtime()
    try {
      this.current = await this.store.read()
      this.readOnly = undefined
      return undefined
    } catch (error) {
      if (!(error instanceof ProfilesFileCorruptError) && !(error instanceof ProfilesFileTooNewError))
        throw error
      this.current = emptyDocument()
      this.readOnly = error instanceof ProfilesFileTooNewError ? error : undefined
      return error
    }
  }

  /** Whether the file changed on disk since we last read or wrote it. */
  async changedOnDisk(): Promise<boolean> {
    return (await this.mtime()) !== this.stamp
  }

  /** Applies `change` to the file's current content under the lock, and keeps the result. */
  async mutate(change: (document: ProfilesDocument) => ProfilesDocument): Promise<ProfilesDocument> {
    if (this.readOnly !== undefined) throw this.readOnly
    this.current = await this.store.update((latest) => {
      const document = change(latest)
      return { document, result: document }
    })
    this.stamp = await this.mtime()
    return this.current
  }

  /** Throws unless no profile (other than `exceptId`) has this name, regardless of case. */
  assertNameFree(name: string, exceptId?: string, document: ProfilesDocument = this.current): void {
    const key = nameKey(name)
    if (document.profiles.some((p) => p.id !== exceptId && nameKey(p.name) === key)) {
      throw new InvalidInputError(`A profile named "${name}" already exists; choose another name.`)
    }
  }

  /** Throws if changes are refused (a newer version's file). */
  assertWritable(): void {
    if (this.readOnly !== undefined) throw this.readOnly
  }

  private async mtime(): Promise<number | undefined> {
    try {
      return (await stat(this.store.filePath)).mtimeMs
    } catch {
      return undefined
    }
  }
}
