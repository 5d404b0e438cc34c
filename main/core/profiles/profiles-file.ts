/**
 * The profiles file's name and version: shared by the profile store and the quick path of `avcm token`,
 * which reads the file without loading the schema.
 */

/** The file name inside the data directory. */
export const PROFILES_FILE = 'profiles.json'

/** The version of the profiles file this build writes. */
export const PROFILES_FILE_VERSION = 1
