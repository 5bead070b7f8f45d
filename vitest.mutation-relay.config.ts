import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant of the relay's replication and recomputation
 * (stryker.relay.config.mjs): the suites that start one relay (a real SQLite file, inject()) per file and the derived
 * schemas. Not the store contracts (*.sqlite.test.ts, *.pg.test.ts): they start a relay per case, 1 to 4 s each on a
 * 2-core machine, and a run over them took hours; push-rules.test.ts states their push rules on one relay. Not the
 * property and fault suites either (hundreds of generated tests, relay restarts). All of them stay in `npm test`.
 */
export default defineConfig({
  test: {
    include: ['sync-server/replication/push-rules.test.ts', 'sync-server/replication/document-schemas.test.ts', 'sync-server/results/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**', '**/*.pg.test.ts', '**/*.property.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
