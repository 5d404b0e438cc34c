import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

/**
 * The folder boundaries of the architecture are lint rules; these cases prove the rules bite. Each file is
 * linted under a path inside the folder it pretends to be in, with the project's own ESLint config.
 */
const eslint = new ESLint({
  cwd: new URL('..', import.meta.url).pathname,
  overrideConfig: [tseslint.configs.disableTypeChecked],
})

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message)
}

describe('folder boundaries', () => {
  it.each([
    [
      'renderer/src/leak.ts',
      "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer\n",
      /sandboxed/,
    ],
    [
      'renderer/src/leak.ts',
      "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n",
      /Node built-ins/,
    ],
    [
      'renderer/src/leak.ts',
      "import { readFileSync } from 'fs'\nexport const x = readFileSync\n",
      /Node built-ins/,
    ],
    [
      'renderer/src/leak.ts',
      "import { parseEnvironment } from '../../main/core/apivideo/environment'\nexport const x = parseEnvironment\n",
      /only types/,
    ],
    [
      'renderer/src/leak.ts',
      "import { formatForCopy } from '../../main/core/copy-formats'\nexport const x = formatForCopy\n",
      /only types/,
    ],
    [
      'renderer/src/leak.ts',
      "import { buildApi } from '../../preload/build-api'\nexport const x = buildApi\n",
      /only types/,
    ],
    ['main/core/common/leak.ts', "import { z } from 'zod'\nexport const x = z\n", /runs in the renderer too/],
    [
      'main/core/common/leak.ts',
      "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n",
      /runs in the renderer too/,
    ],
    [
      'main/core/common/leak.ts',
      "import { settingsSchema } from '../profiles/schema'\nexport const x = settingsSchema\n",
      /runs in the renderer too/,
    ],
    ['main/core/leak.ts', "import { app } from 'electron'\nexport const x = app\n", /plain Node/],
    [
      'main/core/leak.ts',
      "import { clipboard } from 'electron/main'\nexport const x = clipboard\n",
      /plain Node/,
    ],
    [
      'main/core/leak.ts',
      "import { tray } from '../shell/tray/presenter'\nexport const x = tray\n",
      /Electron shell/,
    ],
    ['main/cli/leak.ts', "import { app } from 'electron'\nexport const x = app\n", /plain Node/],
    [
      'main/shell/leak.ts',
      "import keytar from 'keytar'\nexport const x = keytar\n",
      /Only main\/core\/secrets/,
    ],
    ['main/shell/tray/leak.ts', "import { Tray } from 'electron'\nexport const x = Tray\n", /as parameters/],
    [
      'main/shell/tray/leak.test.ts',
      "import { Tray } from 'electron'\nexport const x = Tray\n",
      /as parameters/,
    ],
    ['main/app/leak.ts', "import { app } from 'electron'\nexport const x = app\n", /as parameters/],
    [
      'main/shell/window/leak.ts',
      "import { screen } from 'electron/main'\nexport const x = screen\n",
      /as parameters/,
    ],
    [
      'main/shell/tray/hint.ts',
      "import { readFile } from 'node:fs/promises'\nexport const x = readFile\n",
      /only a \*-file\.ts/,
    ],
    [
      'main/shell/window/leak.ts',
      "import writeFileAtomic from 'write-file-atomic'\nexport const x = writeFileAtomic\n",
      /only a \*-file\.ts/,
    ],
    [
      'main/core/sessions/leak.ts',
      "import keytar from 'keytar'\nexport const x = keytar\n",
      /Only main\/core\/secrets/,
    ],
  ])('%s: %s fails lint', async (filePath, code, message) => {
    const messages = await restrictedImports(filePath, code)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(message)
  })

  it.each([
    [
      'renderer/src/ok.ts',
      "import type { Environment } from '../../main/core/apivideo/environment'\nexport type X = Environment\n",
    ],
    [
      'renderer/src/lib/ok.ts',
      "import { COPY_FORMAT_WORDS } from '../../../main/core/common/copy-format-words'\nexport const x = COPY_FORMAT_WORDS\n",
    ],
    [
      'renderer/src/ok.ts',
      "import { formatIn } from '../../main/core/common/durations'\nexport const x = formatIn\n",
    ],
    [
      'main/core/common/ok.ts',
      "import type { SessionStatus } from '../sessions/session-state'\nimport { formatIn } from './durations'\nexport const x: SessionStatus | typeof formatIn = formatIn\n",
    ],
    ['main/index.ts', "import { app } from 'electron'\nexport const x = app\n"],
    ['main/shell/tray/ok.ts', "import type { Tray } from 'electron'\nexport type X = Tray\n"],
    [
      'main/shell/tray/hint-file.ts',
      "import { readFile } from 'node:fs/promises'\nexport const x = readFile\n",
    ],
    ['main/shell/tray/ok.test.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n"],
    ['main/core/secrets/keytar-keychain.ts', "import keytar from 'keytar'\nexport const x = keytar\n"],
  ])('%s is allowed', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([])
  })
})
