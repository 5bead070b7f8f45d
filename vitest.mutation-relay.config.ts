import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant of the relay's replication and recomputation
 * (stryker.relay.config.mjs): the contracts on SQLite (a real file, a real relay through inject()) and the
 * recomputation tests. Not the PostgreSQL suites (they need a server and repeat the SQLite contracts), nor the
 * property and fault suites that generate hundreds of tests or restart relay processes (a run would take hours).
 */
export default defineConfig({
  test: {
    include: ['sync-server/replication/**/*.test.ts', 'sync-server/results/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**', '**/*.pg.test.ts', '**/*.property.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
