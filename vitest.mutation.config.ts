import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant: those that exercise the mutated folders (stryker.config.mjs), on SQLite
 * (a real file), without the PostgreSQL suites (they need a server and repeat the SQLite contracts) nor the slow
 * fault and property suites that restart relay processes or generate hundreds of tests (a mutant run would take
 * hours). Route tests are limited to those that drive replication: the others belong to screens still being built.
 */
export default defineConfig({
  test: {
    include: [
      'src/core/sync/**/*.test.ts',
      'src/core/answers/**/*.test.ts',
      // The one assembly of results and the replay it checks: the relay's recomputation runs through them.
      'src/core/results/**/*.test.ts',
      'src/core/replay/**/*.test.ts',
      // Push, ownership and events contracts, and the derived schemas.
      'sync-server/replication/**/*.test.ts',
      'sync-server/results/**/*.test.ts',
      // The stream hub (push fan-out, caps, revocation) is only reached through its routes.
      'sync-server/routes/replication-stream.test.ts',
      'sync-server/routes/revocation.test.ts',
      'sync-server/routes/auth-guard.test.ts',
    ],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**', '**/*.pg.test.ts', '**/*.property.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
