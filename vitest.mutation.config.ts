import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant of src/core (stryker.config.mjs): the unit tests beside the mutated
 * code. Deliberately not the relay's suites, although they reach src/core too: every mutant would then load them
 * (a relay on SQLite per test), and a run took hours; the rules of src/core must be pinned by its own unit tests.
 */
export default defineConfig({
  test: {
    include: [
      'src/core/sync/**/*.test.ts',
      'src/core/answers/**/*.test.ts',
      'src/core/results/**/*.test.ts',
      // The replay the results run (src/core/replay) re-checks answers too.
      'src/core/replay/**/*.test.ts',
    ],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
