import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { APP_USER_MODEL_ID, applyWindowsIdentity } from './windows-identity'

/** The packaging configuration, read as text (its YAML is plain enough for a line match). */
const builderConfig = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8')

describe('applyWindowsIdentity', () => {
  it('is the appId the installer gives the Start menu shortcut, or toasts never show', () => {
    expect(/^appId:\s*(\S+)\s*$/m.exec(builderConfig)?.[1]).toBe(APP_USER_MODEL_ID)
  })

  it('sets the AppUserModelID on Windows only', () => {
    for (const [platform, calls] of [
      ['win32', [[APP_USER_MODEL_ID]]],
      ['darwin', []],
      ['linux', []],
    ] as const) {
      const app = { setAppUserModelId: vi.fn() }
      applyWindowsIdentity(app, platform)
      expect(app.setAppUserModelId.mock.calls).toEqual(calls)
    }
  })
})

describe('electron-builder.yml', () => {
  it('re-signs ad hoc after flipping fuses, so an unsigned macOS build still starts on Apple silicon', () => {
    const fuses = /^electronFuses:\n((?:[ ]+.*\n)+)/m.exec(builderConfig)?.[1] ?? ''
    expect(fuses).toMatch(/^ {2}resetAdHocDarwinSignature: true$/m)
    const scheme = JSON.parse(
      readFileSync(new URL('../../../node_modules/app-builder-lib/scheme.json', import.meta.url), 'utf8'),
    ) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } }
    expect(scheme.definitions.FuseOptionsV1.properties).toHaveProperty('resetAdHocDarwinSignature')
  })
})
