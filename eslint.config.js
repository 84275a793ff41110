// Layer boundaries are checked here (DEVELOPERS.md, style.md): shared/ is pure,
// renderer/ and shared/ never reach into main/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const platformModules = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'electron',
  'better-sqlite3',
  'exceljs',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'bench/.cache/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: platformModules, message: 'shared/ is pure TypeScript: no platform modules.' },
            {
              group: ['**/main/**', '**/renderer/**', 'react', 'react-dom'],
              message: 'shared/ imports no other layer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**'], message: 'renderer/ talks to main/ only through the typed contract.' },
            { group: platformModules, message: 'renderer/ runs sandboxed: no platform modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports the renderer.' }] },
      ],
    },
  },
);
