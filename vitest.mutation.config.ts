import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant: the unit and contract tests of the mutated folders, on SQLite (a real
 * file), without the slow fault and property suites that restart relay processes.
 */
export default defineConfig({
  test: {
    include: ['src/core/sync/**/*.test.ts', 'src/core/answers/**/*.test.ts', 'sync-server/replication/**/*.test.ts', 'sync-server/results/**/*.test.ts', 'sync-server/routes/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**', '**/*.pg.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
