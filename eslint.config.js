import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
    ignores: ['src/core/**/*.test.ts'],
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
          { group: ['react', 'react-dom', 'dexie', 'rxdb', 'rxdb/*', 'zustand', 'comlink', 'fastify', '**/workers/**', '**/sync-server/**', '**/data/**', '**/ui/**', '**/features/**'], message: 'src/core imports nothing above it.' },
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
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
