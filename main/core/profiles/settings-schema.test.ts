import { describe, expect, it } from 'vitest'
import { ACCELERATOR_MAX_LENGTH, NUMBER_SETTINGS, type NumberSetting } from '../common/setting-limits'
import { DEFAULT_SETTINGS, settingsPatchSchema, settingsSchema } from './schema'

const NUMBERS = Object.keys(NUMBER_SETTINGS) as NumberSetting[]

describe('the settings schema', () => {
  it.each(NUMBERS)('takes %s within the shared range, and refuses anything else', (setting) => {
    const { min, max } = NUMBER_SETTINGS[setting]
    const accepts = (value: number) => settingsPatchSchema.safeParse({ [setting]: value }).success
    expect([min, max].map(accepts)).toEqual([true, true])
    expect([min - 1, max + 1, min + 0.5].map(accepts)).toEqual([false, false, false])
  })

  it('defaults each number setting to the shared default', () => {
    for (const setting of NUMBERS) expect(DEFAULT_SETTINGS[setting]).toBe(NUMBER_SETTINGS[setting].default)
    expect(settingsSchema.parse({}).minValidityMinutes).toBe(NUMBER_SETTINGS.minValidityMinutes.default)
  })

  it('takes a shortcut up to the shared length', () => {
    const shortcut = (length: number) =>
      settingsPatchSchema.safeParse({ globalShortcut: { enabled: true, accelerator: 'A'.repeat(length) } })
        .success
    expect(shortcut(ACCELERATOR_MAX_LENGTH)).toBe(true)
    expect(shortcut(ACCELERATOR_MAX_LENGTH + 1)).toBe(false)
  })
})
