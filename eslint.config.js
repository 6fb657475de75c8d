// Boundaries are enforced here and by the per-folder tsconfigs (see DESIGN.md "Shape"):
// every arrow points at shared/, nothing points back, and each library has one owning module.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const platformModules = [
  'react',
  'react-dom',
  'dexie',
  'dexie-react-hooks',
  'electron',
  'zustand',
  'fastify',
  'kysely',
];
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url'];

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'server/dist',
      'data',
      'test-results',
      'playwright-report',
      'release',
      '.stryker-tmp*',
      'reports/mutation',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict([
        { group: [...platformModules, ...nodeBuiltins], message: 'shared/ is pure domain code: no platform imports.' },
        {
          group: ['**/renderer/**', '**/electron/**', '**/server/**'],
          message: 'shared/ must not import an app layer.',
        },
      ]),
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'indexedDB',
          'fetch',
          'process',
          'require',
          'Buffer',
          'crypto',
          'setTimeout',
          'setInterval',
        ].map((name) => ({ name, message: 'shared/ is pure: pass what you need in as an argument.' })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        {
          group: ['electron', ...nodeBuiltins],
          message: 'The renderer reaches the desktop only through renderer/platform.',
        },
        { group: ['**/electron/**', '**/server/**'], message: 'The renderer imports shared/ only.' },
        { group: ['fastify', 'kysely', 'better-sqlite3', 'pg'], message: 'Server libraries stay in server/.' },
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/data/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['dexie', 'dexie-react-hooks'], message: 'Only renderer/data touches Dexie: call a data operation.' },
        {
          group: ['electron', ...nodeBuiltins],
          message: 'The renderer reaches the desktop only through renderer/platform.',
        },
        { group: ['**/electron/**', '**/server/**'], message: 'The renderer imports shared/ only.' },
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/stores/**', 'renderer/data/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['zustand', 'zustand/*'], message: 'zustand lives in renderer/stores only.' },
        { group: ['dexie', 'dexie-react-hooks'], message: 'Only renderer/data touches Dexie: call a data operation.' },
        {
          group: ['electron', ...nodeBuiltins],
          message: 'The renderer reaches the desktop only through renderer/platform.',
        },
        { group: ['**/electron/**', '**/server/**'], message: 'The renderer imports shared/ only.' },
      ]),
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/renderer/**', '**/server/**'], message: 'electron/ imports shared/ only.' },
        {
          group: ['react', 'react-dom', 'dexie', 'zustand', 'fastify', 'kysely'],
          message: 'Not a main-process library.',
        },
      ]),
    },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/renderer/**', '**/electron/**'], message: 'server/ imports shared/ only.' },
        { group: ['react', 'react-dom', 'dexie', 'zustand', 'electron'], message: 'Not a server library.' },
      ]),
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/src/storage/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['kysely', 'better-sqlite3', 'pg'], message: 'Only server/src/storage talks to the database.' },
        { group: ['**/renderer/**', '**/electron/**'], message: 'server/ imports shared/ only.' },
        { group: ['react', 'react-dom', 'dexie', 'zustand', 'electron'], message: 'Not a server library.' },
      ]),
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs}', '*.config.{js,ts}', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Build configuration runs in node at build time, not in the renderer.
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
