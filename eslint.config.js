import js from '@eslint/js'
import globals from 'globals'
import svelte from 'eslint-plugin-svelte'
import tseslint from 'typescript-eslint'
import svelteConfig from './svelte.config.js'

/** Node's built-in modules, with and without the `node:` prefix: never in the renderer. */
const nodeBuiltins = [
  'node:*',
  ...(await import('node:module')).builtinModules.filter((m) => !m.startsWith('_')),
]

/**
 * The folder boundaries of the architecture, as `no-restricted-imports` rules. ESLint applies the last
 * matching config's options for a rule, so each folder lists everything it may not import.
 */
const keytarOnlyInAdapter = {
  name: 'keytar',
  message: 'Only main/core/secrets/keytar-keychain.ts may import keytar; use the SecretStore interface.',
}
/**
 * Electron's objects enter once, in main/index.ts, and reach the composition and the shell as parameters:
 * there, `electron` gives types only, so the desktop harness's stand-ins and the unit tests' fakes fit.
 */
const electronAsParameters = {
  paths: [
    {
      name: 'electron',
      allowTypeImports: true,
      message:
        "Electron's objects come in as parameters (main/index.ts hands them to composeApp): import only its types here.",
    },
  ],
  patterns: [
    {
      group: ['electron/*'],
      allowTypeImports: true,
      message: "Electron's objects come in as parameters: import only its types here.",
    },
  ],
}
/** What reads or writes files: in main/shell, only a `*-file.ts` adapter may. */
const diskModules = [
  'fs',
  'fs/promises',
  'node:fs',
  'node:fs/promises',
  'write-file-atomic',
  'proper-lockfile',
]
const boundaries = [
  {
    files: ['main/**/*.ts'],
    ignores: ['main/core/secrets/keytar-keychain.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [keytarOnlyInAdapter] }],
    },
  },
  {
    files: [
      'main/core/**/*.ts',
      'main/fake-api/**/*.ts',
      'main/cli/**/*.ts',
      'main/ipc/**/*.ts',
      'main/demo/**/*.ts',
    ],
    ignores: ['main/core/secrets/keytar-keychain.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'main/core, main/ipc, main/cli and main/fake-api run under plain Node: no electron.',
            },
            keytarOnlyInAdapter,
          ],
          patterns: [
            { group: ['electron/*'], message: 'main/core runs under plain Node: no electron.' },
            {
              group: ['**/shell', '**/shell/**', '**/renderer/**', '**/preload/**'],
              message: 'main/core may not depend on the Electron shell, the preload or the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/shell/**/*.ts', 'main/app/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [...electronAsParameters.paths, keytarOnlyInAdapter],
          patterns: electronAsParameters.patterns,
        },
      ],
    },
  },
  {
    // The shell's decisions stay apart from its adapters: what reads or writes a file is a `*-file.ts` of its
    // own (window/state-file.ts, tray/hint-file.ts). Tests may read their fixtures.
    files: ['main/shell/**/*.ts'],
    ignores: ['main/shell/**/*-file.ts', 'main/shell/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...electronAsParameters.paths,
            keytarOnlyInAdapter,
            ...diskModules.map((name) => ({
              name,
              allowTypeImports: true,
              message: 'In main/shell only a *-file.ts reads or writes files: put the file handling in one.',
            })),
          ],
          patterns: electronAsParameters.patterns,
        },
      ],
    },
  },
  {
    // Everything the preload imports at run time is bundled into the sandboxed preload: the contract's zod
    // schemas once made it 181 KB (preload/bundle-size.test.ts keeps it under 10 KB).
    files: ['preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'The preload validates nothing; main does, with the contract.' },
            keytarOnlyInAdapter,
          ],
          patterns: [
            {
              regex: String.raw`(^|/)main/(?!ipc/channels$)`,
              allowTypeImports: true,
              message:
                'The preload may import only types from main/, and the channel names from main/ipc/channels.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer is sandboxed: use window.api.' },
            { name: 'keytar', message: 'The renderer never touches secrets.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer runs in a browser: no Node built-ins.' },
            { group: ['electron/*'], message: 'The renderer is sandboxed: use window.api.' },
            {
              regex: String.raw`(^|/)main/(?!core/common/)`,
              allowTypeImports: true,
              message:
                'The renderer may import only types from main/, and the shared rules from main/core/common/.',
            },
            {
              group: ['**/preload/**'],
              allowTypeImports: true,
              message: 'The renderer may import only types from preload/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The rules every front shares, the renderer included: what they import runs in the sandboxed renderer
    // too, and in the quick path of `avcm token`. Nothing but each other at run time: no zod, no Node.
    files: ['main/core/common/**/*.ts'],
    ignores: ['main/core/common/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(?!\./)`,
              allowTypeImports: true,
              message:
                'main/core/common runs in the renderer too: at run time it imports only its own folder (types are fine).',
            },
          ],
        },
      ],
    },
  },
]

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            '*.js',
            'scripts/*.mjs',
            'bench/lib/*.mjs',
            'resources/*.js',
            'e2e/harness/*.cjs',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      eqeqeq: 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, svelteConfig } },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...boundaries,
)
