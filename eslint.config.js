import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layers (README.md, "Layout"): each folder imports only the layers below it. Tests beside the code (`*.test.ts`,
 * the `*.contract.ts` suites) are outside these rules: they assemble real parts of several layers and the shared
 * helpers of test/, which may import anything. Patterns match the import path as written (relative paths name
 * the folder they reach), so the folder names are the layers' own.
 */
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/*.contract.ts'];
const appLayers = ['**/src/data/**', '**/src/ui/**', '**/src/features/**', '**/src/pwa/**', '**/src/i18n/**'];
const browserLibraries = ['react', 'react-dom', 'react-dom/*', 'react-router', 'zustand', 'zustand/*', 'i18next', 'react-i18next'];
const workerLibraries = ['rxdb', 'rxdb/*', 'dexie', 'comlink'];
const relayLibraries = ['fastify', '@fastify/*', 'pg', 'better-sqlite3'];
const onlyCore = (layer) => `${layer} imports src/core only (README.md, "Layout").`;

/** One no-restricted-imports rule per layer (a later rule for the same files would replace, not add to, it). */
const layerImports = {
  workers: [
    { group: [...appLayers, '**/sync-server/**', '**/scripts/**', '**/test/**'], message: `${onlyCore('workers/')} Screens reach the worker through src/data.` },
    { group: [...browserLibraries, ...relayLibraries], message: 'The worker runs no screens and no relay.' },
  ],
  data: [
    { group: ['**/ui/**', '**/features/**', '**/pwa/**', '**/sync-server/**', '**/scripts/**', '**/test/**'], message: 'src/data imports src/core and the worker\'s types, nothing above it.' },
    { group: ['**/workers/**'], allowTypeImports: true, message: 'src/data reaches the worker through Comlink (getEngine): import its types only (`import type`).' },
    { group: relayLibraries, message: 'src/data runs in the browser.' },
  ],
  screens: [
    { group: ['**/workers/**'], message: 'Screens reach the worker through src/data (getEngine and the types src/data/engine-client.ts re-exports).' },
    { group: ['**/sync-server/**', '**/scripts/**', '**/test/**'], message: 'Screens talk to the relay through src/data, never to its code.' },
    { group: [...workerLibraries.filter((name) => name !== 'comlink'), ...relayLibraries], message: 'Screens do not open databases or run the relay (STYLE.md point 7).' },
  ],
  relay: [
    { group: ['**/workers/**', ...appLayers, '**/scripts/**', '**/test/**'], message: `${onlyCore('sync-server/')} What it shares with the content scripts lives in sync-server/ or src/core.` },
    { group: [...browserLibraries, ...workerLibraries], message: 'The relay runs in Node: no screens, no browser databases.' },
  ],
  scripts: [
    { group: ['**/workers/**', ...appLayers, '**/test/**'], message: 'scripts/ imports src/core and sync-server/ only (README.md, "Layout").' },
  ],
};

/** Globals and APIs the pure core must not reach: time and randomness are handed in (STYLE.md point 1). */
const coreBannedGlobals = [
  'window', 'document', 'navigator', 'indexedDB', 'localStorage', 'sessionStorage', 'fetch', 'process',
  'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'requestAnimationFrame', 'crypto',
  'performance', 'XMLHttpRequest', 'WebSocket', 'Buffer', 'require',
].map((name) => ({ name, message: 'src/core is pure: pass the world in as a parameter.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/content/**', 'data/**', 'test-results/**', 'playwright-report/**', 'dev-dist/**', 'coverage/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object instead of an enum.' },
        { selector: 'ExportAllDeclaration', message: 'No `export *` barrels: import from the file that exports.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-globals': ['error', ...coreBannedGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/core is pure: take a clock (now) as a parameter.' },
        { object: 'Math', property: 'random', message: 'src/core is pure: take a seeded generator as a parameter.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'child_process'], message: 'src/core cannot use Node APIs.' },
          { group: [...browserLibraries, ...workerLibraries, ...relayLibraries, '**/workers/**', '**/sync-server/**', '**/scripts/**', '**/data/**', '**/ui/**', '**/features/**', '**/pwa/**', '**/i18n/**'], message: 'src/core imports nothing above it.' },
        ] },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object instead of an enum.' },
        { selector: 'ExportAllDeclaration', message: 'No `export *` barrels: import from the file that exports.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/core is pure: take a clock (now) as a parameter.' },
      ],
    },
  },
  { files: ['workers/**/*.ts'], ignores: testFiles, rules: { 'no-restricted-imports': ['error', { patterns: layerImports.workers }] } },
  { files: ['src/data/**/*.{ts,tsx}'], ignores: testFiles, rules: { 'no-restricted-imports': ['error', { patterns: layerImports.data }] } },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/features/**/*.{ts,tsx}', 'src/pwa/**/*.{ts,tsx}', 'src/i18n/**/*.ts', 'src/main.tsx'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: layerImports.screens }] },
  },
  { files: ['sync-server/**/*.ts'], ignores: testFiles, rules: { 'no-restricted-imports': ['error', { patterns: layerImports.relay }] } },
  { files: ['scripts/**/*.ts'], ignores: testFiles, rules: { 'no-restricted-imports': ['error', { patterns: layerImports.scripts }] } },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
