import { z } from 'zod'
import { ACCELERATOR_MAX_LENGTH, NUMBER_SETTINGS, type NumberSetting } from '../common/setting-limits'
import { nameKey } from './name-key'
import { PROFILES_FILE_VERSION } from './profiles-file'

/** Profile names: trimmed, 1–64 characters, no control characters. */
export const profileNameSchema = z
  .string()
  .transform((name) => name.trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'A profile needs a name.' })
      .max(64, { error: 'A profile name can be at most 64 characters long.' })
      .regex(/^[^\p{Cc}]*$/u, { error: 'A profile name cannot contain control characters.' }),
  )

/**
 * An environment as stored. Only its shape is checked here: the file is written by others too, so whether
 * requests may go to a custom URL is decided per profile when it is loaded, by the environment module's
 * rule (`baseUrlRefusal`), and a profile that breaks it is refused without making the whole file unreadable.
 */
export const environmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('production') }),
  z.object({ kind: z.literal('sandbox') }),
  z.object({ kind: z.literal('custom'), baseUrl: z.url({ protocol: /^https?$/ }) }),
])

/** A profile: everything about an api.video project except its secrets. */
export const profileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{8,64}$/),
  name: profileNameSchema,
  environment: environmentSchema,
  createdAt: z.number().int().nonnegative(),
  /** Whether the API key is kept in the keychain so the app can sign in again by itself. */
  rememberApiKey: z.boolean().default(false),
  /** A demo profile, served by the embedded fake api.video server. */
  demo: z.boolean().default(false),
})

/** A stored profile. */
export type Profile = z.infer<typeof profileSchema>

/** Theme choice. */
export const themeSchema = z.enum(['system', 'light', 'dark'])

const shortcutSchema = z.strictObject({
  enabled: z.boolean(),
  accelerator: z.string().min(1).max(ACCELERATOR_MAX_LENGTH),
})

/** A number setting, whole and within its range (main/core/common/setting-limits.ts, which the window shares). */
const wholeNumber = (setting: NumberSetting) =>
  z.number().int().min(NUMBER_SETTINGS[setting].min).max(NUMBER_SETTINGS[setting].max)

/** Each setting's type and range, without defaults: the one source for the file and for changes. */
const settingFields = {
  autoRefreshLeadMinutes: wholeNumber('autoRefreshLeadMinutes'),
  minValidityMinutes: wholeNumber('minValidityMinutes'),
  clipboardClearSeconds: wholeNumber('clipboardClearSeconds'),
  launchAtLogin: z.boolean(),
  theme: themeSchema,
  /** An opt-in global shortcut copying the default profile's token. */
  globalShortcut: shortcutSchema,
  /** The profile the global shortcut copies from; the first profile when unset. */
  defaultProfileId: z.string().min(1).max(64),
}

/** A number setting with its shared default. */
const numberWithDefault = (setting: NumberSetting) =>
  settingFields[setting].default(NUMBER_SETTINGS[setting].default)

/** App settings, each with its default, so files written by older versions gain new settings. */
export const settingsSchema = z.object({
  autoRefreshLeadMinutes: numberWithDefault('autoRefreshLeadMinutes'),
  minValidityMinutes: numberWithDefault('minValidityMinutes'),
  clipboardClearSeconds: numberWithDefault('clipboardClearSeconds'),
  launchAtLogin: settingFields.launchAtLogin.default(false),
  theme: settingFields.theme.default('system'),
  globalShortcut: settingFields.globalShortcut.default({
    enabled: false,
    accelerator: 'CommandOrControl+Alt+T',
  }),
  defaultProfileId: settingFields.defaultProfileId.optional(),
})

/** A change to some settings, as the renderer may send it: known fields only, each in range. */
export const settingsPatchSchema = z.strictObject(settingFields).partial()

/** App settings. */
export type Settings = z.infer<typeof settingsSchema>

/** Some settings to change; an undefined value leaves that setting as it is. */
export type SettingsPatch = { readonly [K in keyof Settings]?: Settings[K] | undefined }

/** The settings of a fresh install. */
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({})

/** The whole profiles file. */
export const profilesDocumentSchema = z
  .object({
    version: z.literal(PROFILES_FILE_VERSION),
    profiles: z.array(profileSchema).max(1000),
    settings: settingsSchema.default(DEFAULT_SETTINGS),
  })
  .superRefine((document, context) => {
    const seenNames = new Set<string>()
    const seenIds = new Set<string>()
    for (const profile of document.profiles) {
      const key = nameKey(profile.name)
      if (seenNames.has(key))
        context.addIssue({ code: 'custom', message: `two profiles are named "${profile.name}"` })
      if (seenIds.has(profile.id))
        context.addIssue({ code: 'custom', message: `two profiles have the id ${profile.id}` })
      seenNames.add(key)
      seenIds.add(profile.id)
    }
  })

/** The profiles file's content. */
export type ProfilesDocument = z.infer<typeof profilesDocumentSchema>

/** The empty document of a first run. */
export function emptyDocument(): ProfilesDocument {
  return { version: PROFILES_FILE_VERSION, profiles: [], settings: DEFAULT_SETTINGS }
}

export { nameKey } from './name-key'
