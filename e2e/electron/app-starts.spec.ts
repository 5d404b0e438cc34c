import { _electron as electron, expect, test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findElectronBinary } from './electron-binary'

const binary = findElectronBinary()

test.describe('the Electron app', () => {
  test.skip('missing' in binary, 'missing' in binary ? `Skipped: ${binary.missing}.` : '')

  test('starts and shows its window', async () => {
    if (!('path' in binary)) return
    const userData = mkdtempSync(join(tmpdir(), 'avcm-electron-'))
    try {
      const app = await electron.launch({
        executablePath: binary.path,
        args: [join(import.meta.dirname, '../../out/main/index.js'), `--user-data-dir=${userData}`],
      })
      const window = await app.firstWindow()
      await expect(window.getByRole('heading', { level: 1 })).toHaveText('api.video Credential Manager')
      await app.close()
    } finally {
      rmSync(userData, { recursive: true, force: true })
    }
  })
})
