/**
 * The limits and defaults of the settings: the one source for the settings schema (main/core/profiles), the
 * settings dialog and the quick path of `avcm token`, none of which may disagree with another.
 */

/** A number setting: a whole number from `min` to `max`, and what it is until someone changes it. */
export interface NumberSettingRule {
  readonly min: number
  readonly max: number
  readonly default: number
}

/** The number settings, by name. */
export const NUMBER_SETTINGS = {
  /** Refresh this many minutes before the access token expires. */
  autoRefreshLeadMinutes: { min: 1, max: 30, default: 5 },
  /** A copied or printed token is valid for at least this many minutes (refreshed first if needed). */
  minValidityMinutes: { min: 1, max: 55, default: 10 },
  /** Clear the clipboard this many seconds after a copy, if it still holds the token; 0 = never. */
  clipboardClearSeconds: { min: 0, max: 3600, default: 30 },
} as const satisfies Readonly<Record<string, NumberSettingRule>>

/** The name of a number setting. */
export type NumberSetting = keyof typeof NUMBER_SETTINGS

/** Whether `value` is allowed for the setting: a whole number within its range. */
export function isAllowedNumber(setting: NumberSetting, value: unknown): value is number {
  const { min, max } = NUMBER_SETTINGS[setting]
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
}

/** The longest accelerator the global shortcut setting takes, in characters. */
export const ACCELERATOR_MAX_LENGTH = 100
