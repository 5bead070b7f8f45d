/** [LEARNERS-4] Certifiability in the teacher's list: from the tests a student shared, on a real SQLite store. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompetenceId } from '../../src/core/referential.ts';
import { challengeIdOf, makePack } from '../../src/core/test/make-pack.ts';
import { ContentLibrary } from '../content/content-library.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { certifiabilityByLearner } from './learner-certifiability.ts';

const FIVE: readonly CompetenceId[] = ['1.1', '1.2', '1.3', '2.1', '2.2'];
// One tube of levels 1 and 2 per competence: a right answer at level 2 validates both, 8 pix, level 1 ([SCORE-1]).
const pack = makePack({ competences: FIVE.map((id) => ({ id, tubes: [{ id: `@tube${id.replace('.', '')}`, levels: [1, 2] }] })) });
const levelTwo = (competence: CompetenceId): string => challengeIdOf(`@tube${competence.replace('.', '')}2`);

let dir: string;
let store: SqliteStore;
let library: ContentLibrary;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pixlab-certif-'));
  store = new SqliteStore(join(dir, 'relay.sqlite'));
  await store.migrate();
  await store.createOrganization({ id: 'org-1', name: 'Lycée', uai: '0123456X', createdAt: 1 });
  library = new ContentLibrary(store, pack);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function test(id: string, learnerId: string, state: string, answers: { challengeId: string; result: string; clientResult?: string }[], kind = 'campaign') {
  const body = { id, kind, learnerId, state, startedAt: 1_000, contentVersion: pack.version };
  await store.writeDocuments({ collection: 'assessments', organizationId: 'org-1', ids: [id], now: 2_000, decide: () => ({ writes: [{ id, learnerId, deleted: false, body }], conflicts: [] }) });
  await store.saveAssessmentResults([
    {
      assessmentId: id,
      organizationId: 'org-1',
      learnerId,
      kind,
      campaignId: null,
      contentVersion: pack.version,
      computedAt: 3_000,
      body: { answers: answers.map((a, i) => ({ id: `${id}:${i}`, challengeId: a.challengeId, clientResult: a.clientResult ?? a.result, result: a.result })) },
    },
  ]);
}

describe('[LEARNERS-4] certifiability from shared tests', () => {
  it('certifiable at 5 competences of level 1, not below; unshared tests and certifications do not count; the relay’s verdict, not the machine’s', async () => {
    await test('as-1', 'certifiable', 'shared', FIVE.map((c) => ({ challengeId: levelTwo(c), result: 'ok' })));
    await test('as-2', 'four', 'shared', FIVE.slice(0, 4).map((c) => ({ challengeId: levelTwo(c), result: 'ok' })));
    // The fifth competence in a second shared test: the profile adds them up.
    await test('as-3a', 'two-tests', 'shared', FIVE.slice(0, 3).map((c) => ({ challengeId: levelTwo(c), result: 'ok' })));
    await test('as-3b', 'two-tests', 'shared', FIVE.slice(3).map((c) => ({ challengeId: levelTwo(c), result: 'ok' })));
    await test('as-4', 'not-shared', 'completed', FIVE.map((c) => ({ challengeId: levelTwo(c), result: 'ok' })));
    await test('as-5', 'machine-says-ok', 'shared', FIVE.map((c, i) => ({ challengeId: levelTwo(c), result: i === 0 ? 'ko' : 'ok', clientResult: 'ok' })));
    await test('as-6', 'certification', 'shared', FIVE.map((c) => ({ challengeId: levelTwo(c), result: 'ok' })), 'certification');

    const result = await certifiabilityByLearner(store, library, 'org-1');
    expect(Object.fromEntries(result)).toEqual({
      certifiable: 'certifiable',
      four: 'not-certifiable',
      'two-tests': 'certifiable',
      'machine-says-ok': 'not-certifiable',
    });
    expect(await certifiabilityByLearner(store, library, 'org-2')).toEqual(new Map());
  });
});
