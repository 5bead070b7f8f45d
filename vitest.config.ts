import { defineConfig } from 'vitest/config';

/**
 * Unit and contract tests. The PostgreSQL contract suite (`*.pg.test.ts`) needs a real server at
 * TEST_DATABASE_URL (CI starts one); without it the suite is left out and test/pg-notice.ts says so.
 */
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'workers/**/*.test.ts', 'sync-server/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**', ...(hasPostgres ? [] : ['**/*.pg.test.ts'])],
    globalSetup: ['test/pg-notice.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
