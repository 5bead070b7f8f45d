/**
 * Mutation testing of the trust-critical code (issue: tests that bite): the sync merge rules and answer checking in
 * src/core, the relay's replication and recomputation. `npm run test:mutation`; the score goes to BENCHMARKS.md.
 * Kept to these folders so that a run stays in minutes on a 2-core machine. Stryker 9.6: version 10 requires Node 22.
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: [
    'src/core/sync/**/*.ts',
    'src/core/answers/**/*.ts',
    'sync-server/replication/**/*.ts',
    'sync-server/results/**/*.ts',
    '!**/*.test.ts',
    '!**/*.contract.ts',
  ],
  checkers: [],
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: 80 },
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: '.stryker-tmp',
  ignoreStatic: true,
  cleanTempDir: 'always',
};
