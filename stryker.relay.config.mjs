/**
 * Mutation testing, part 2 of 2 (part 1 and the reasons: stryker.config.mjs): the relay's replication (push,
 * ownership, what each collection allows) and recomputation, against the SQLite contracts and the recomputation tests
 * (vitest.mutation-relay.config.ts).
 *
 * Not mutated: sync-server/replication/stream-hub.ts, the live transport of written batches (SSE), not a rule
 * about what is written; only the route tests reach it (replication-stream, revocation, auth-guard: the caps and
 * revocation of [AUTH-6], [AUTH-7]), each holding real streams open for seconds. The push schemas are derived
 * while modules load (`ignoreStatic`); document-schemas.test.ts checks them.
 */
import core from './stryker.config.mjs';

export default {
  ...core,
  vitest: { configFile: 'vitest.mutation-relay.config.ts', related: true },
  mutate: ['sync-server/replication/**/*.ts', 'sync-server/results/**/*.ts', '!**/*.test.ts', '!**/*.contract.ts', '!sync-server/replication/stream-hub.ts'],
  jsonReporter: { fileName: 'reports/mutation/relay.json' },
  incrementalFile: 'reports/mutation/relay-incremental.json',
  timeoutMS: 10000,
};
