/**
 * [AUTH-4] The per-learner lock holds against guesses sent all at once: on a real SQLite store whose failure-count
 * reads are held until every guess has read (the worst interleaving), the right guess sent last is still refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoSchool } from '../demo/demo-school.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { signInLearner } from './learner-sign-in.ts';

const NOW = 1_767_225_600_000;
const CAMILLE = { uai: '0000000A', lastName: 'MARTIN', firstName: 'Camille', birthDate: '14/03/2010' };

let dir: string;
let store: SqliteStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pixlab-sign-in-'));
  store = new SqliteStore(join(dir, 'relay.sqlite'));
  await store.migrate();
  await seedDemoSchool(store, NOW);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The store, except that reads of failure counts wait until `parties` of them have been made. */
function withReadBarrier(inner: Store, parties: number): Store {
  let arrived = 0;
  let release: () => void = () => undefined;
  const allRead = new Promise<void>((resolve) => {
    release = resolve;
  });
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'getLearnerSignInFailures') {
        return async (ids: string[]) => {
          const counts = await target.getLearnerSignInFailures(ids);
          arrived += 1;
          if (arrived === parties) release();
          await allRead;
          return counts;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('[AUTH-4] signInLearner under a burst', () => {
  it('guesses that all read the count before any is recorded still get only the allowance', async () => {
    const racing = withReadBarrier(store, 20);
    const wrong = Array.from({ length: 19 }, (_, i) => ({ ...CAMILLE, birthDate: `${String(i + 1).padStart(2, '0')}/01/2010` }));
    const results = await Promise.all([...wrong, CAMILLE].map((credentials) => signInLearner(racing, credentials, NOW)));
    expect(results.every((r) => r === null)).toBe(true);
    expect((await store.getLearnerSignInFailures(['demo-learner-01'])).get('demo-learner-01')?.failures).toBe(20);
    expect(await signInLearner(store, CAMILLE, NOW)).toBeNull();
  });

  it('the same burst with the right guess among the first five signs in', async () => {
    const racing = withReadBarrier(store, 20);
    const wrong = Array.from({ length: 19 }, (_, i) => ({ ...CAMILLE, birthDate: `${String(i + 1).padStart(2, '0')}/01/2010` }));
    const results = await Promise.all([CAMILLE, ...wrong].map((credentials) => signInLearner(racing, credentials, NOW)));
    expect(results[0]?.learner.id).toBe('demo-learner-01');
    expect(results.slice(1).every((r) => r === null)).toBe(true);
  });
});
