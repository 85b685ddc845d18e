// Lint rules, including the architecture: which folder may import which.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports each part of src/ may not make; see STYLE in README ("Architecture"). */
const boundaries = {
  'src/core/**': [
    '**/platform/**',
    '**/storage/**',
    '**/background/**',
    '**/content/**',
    '**/popup/**',
    '**/library/**',
    'dexie',
    'webextension-polyfill',
  ],
  'src/content/**': ['**/storage/**', '**/background/**', '**/popup/**', '**/library/**', 'dexie', 'minisearch'],
  'src/popup/**': ['**/storage/**', '**/background/**', '**/content/**', '**/library/**', 'dexie', 'minisearch'],
  'src/library/**': ['**/storage/**', '**/background/**', '**/content/**', '**/popup/**', 'dexie', 'minisearch'],
  'src/ui/**': ['**/storage/**', '**/background/**', '**/content/**', '**/popup/**', '**/library/**', 'dexie', 'minisearch'],
  'src/messaging/**': ['**/storage/**', '**/background/**', '**/content/**', '**/popup/**', '**/library/**', 'dexie'],
  // The search host (an offscreen document, Chromium) runs the worker's search modules and reads the
  // database with them; it writes nothing (snapshots go back to the worker). So it may import storage
  // and background's search modules, nothing else of background, and no UI.
  'src/offscreen/**': [
    ['**/background/*', '!**/background/search-host', '!**/background/search-service'],
    '**/content/**',
    '**/popup/**',
    '**/library/**',
    '**/ui/**',
  ],
  'src/storage/**': ['**/background/**', '**/content/**', '**/popup/**', '**/library/**', '**/platform/**'],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'demo-out/**', 'bench/results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'webextension-polyfill', message: 'Import browser from src/platform/browser.' }] },
      ],
    },
  },
  { files: ['src/platform/**'], rules: { 'no-restricted-imports': 'off' } },
  ...Object.entries(boundaries).map(([files, patterns]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: patterns.map((group) => ({
            group: [group].flat(),
            message: `Not allowed from ${files}: see the architecture in README.`,
          })),
        },
      ],
    },
  })),
  {
    files: [
      'src/content/**',
      'src/popup/**',
      'src/library/**',
      'src/ui/**',
      'src/background/**',
      'src/offscreen/**',
      'src/core/**',
      'src/messaging/**',
      'src/storage/**',
    ],
    rules: { 'no-console': ['error', { allow: ['warn', 'error'] }] },
  },
);
