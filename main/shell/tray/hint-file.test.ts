import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileTrayHintStore } from './hint-file'

describe('fileTrayHintStore', () => {
  let dir: string | undefined
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  })

  it('remembers in a small file in the data folder; missing or unreadable means not yet', async () => {
    dir = mkdtempSync(join(tmpdir(), 'avcm-tray-hint-'))
    const path = join(dir, 'hints.json')
    const store = fileTrayHintStore(path)
    await expect(store.shown()).resolves.toBe(false)
    writeFileSync(path, 'not json')
    await expect(store.shown()).resolves.toBe(false)
    await store.markShown()
    await expect(store.shown()).resolves.toBe(true)
    await expect(fileTrayHintStore(path).shown()).resolves.toBe(true)
  })
})
