/**
 * Mutation testing of the trust-critical code (issue 8: tests that bite), part 1 of 2: the sync merge rules, answer
 * checking and the one assembly of results in src/core. Part 2, the relay's replication and recomputation, is
 * stryker.relay.config.mjs. `npm run test:mutation` runs both; the scores go to BENCHMARKS.md (bench:mutation). Not
 * part of `npm test`: a complete run takes about twenty minutes on a loaded 2-core machine.
 * Two runs, not one: src/core is reached by the relay's suites too, and with them every src/core mutant loaded a
 * relay per test (a run took hours); each part is tested by its own tests (vitest.mutation.config.ts).
 * Stryker 9.6: version 10 requires Node 22.
 *
 * src/core/results is in scope because the relay's recomputation is its `testResults` ([RESULTS-1]):
 * sync-server/results only hands it the pack and the answers. src/core/replay is not: its choices are the engine's
 * (src/core/flash, smart random), checked by the replay property suite.
 *
 * Not mutated:
 * - src/core/sync/documents.ts and src/core/answers/types.ts: type declarations, plus the lists of allowed values
 *   (states, kinds, categories) that only feed the schemas;
 * - src/core/sync/document-specs.ts: the document descriptions are data (JSON-schema words, bounds) read once at
 *   start; sync-server/replication/document-schemas.test.ts compares the two schemas derived from them field by
 *   field, and most of them (learners, campaigns, sessions) only ever reach RxDB on the lab machine.
 * Mutants reached only while modules load are ignored (`ignoreStatic`): each would need a fresh test process.
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: [
    'src/core/sync/**/*.ts',
    'src/core/answers/**/*.ts',
    'src/core/results/**/*.ts',
    '!**/*.test.ts',
    '!src/core/sync/documents.ts',
    '!src/core/sync/document-specs.ts',
    '!src/core/answers/types.ts',
  ],
  checkers: [],
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/core.json' },
  incrementalFile: 'reports/mutation/core-incremental.json',
  thresholds: { high: 90, low: 80, break: 80 },
  concurrency: 2,
  // Added to 1.5 × a mutant's normal test time: enough on a loaded machine, short enough that endless loops cost little.
  timeoutMS: 5000,
  tempDirName: '.stryker-tmp',
  // The sandbox copies the tree: not what builds and browser runs write meanwhile (others may be running them).
  ignorePatterns: ['/test-results', '/playwright-report', '/dist', '/dev-dist', '/data', '/coverage', '/reports', '*.log'],
  ignoreStatic: true,
  cleanTempDir: 'always',
};
