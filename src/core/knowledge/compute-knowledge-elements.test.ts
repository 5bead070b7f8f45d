import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANSWER_RESULTS } from '../content/types.ts';
import { buildPackIndex } from '../content/pack-index.ts';
import { challengeIdOf, makeAnswers, makePack } from '../test/make-pack.ts';
import { computeKnowledgeElements } from './compute-knowledge-elements.ts';
import type { KnowledgeState } from './knowledge-element.ts';

const index = buildPackIndex(
  makePack({
    competences: [{ id: '1.1', tubes: [{ id: '@t', levels: [1, 2, 3, 4, 5], variants: 2 }, { id: '@u', levels: [1, 2, 3] }] }],
  }),
);
const c = (skillId: string, variant = 0): string => challengeIdOf(skillId, variant);
const summary = (state: KnowledgeState): Record<string, string> =>
  Object.fromEntries([...state.values()].map((ke) => [ke.skillId, `${ke.source} ${ke.status}`]));

describe('knowledge elements', () => {
  it('[KE-1] a right answer validates its skill directly; any other result invalidates it', () => {
    const ok = computeKnowledgeElements({ index, answers: makeAnswers('a', [[c('@u1'), 'ok']]) });
    expect(ok.get('@u1')).toMatchObject({ status: 'validated', source: 'direct', answerId: 'a-0', assessmentId: 'a' });
    for (const result of ANSWER_RESULTS.filter((r) => r !== 'ok')) {
      const failed = computeKnowledgeElements({ index, answers: makeAnswers('a', [[c('@u3'), result]]) });
      expect(failed.get('@u3'), result).toMatchObject({ status: 'invalidated', source: 'direct' });
    }
  });

  it('[KE-2] success validates the easier skills of the tube, failure invalidates the harder ones, nothing elsewhere', () => {
    const success = computeKnowledgeElements({ index, answers: makeAnswers('a', [[c('@t3'), 'ok']]) });
    expect(summary(success)).toEqual({ '@t3': 'direct validated', '@t1': 'inferred validated', '@t2': 'inferred validated' });
    const failure = computeKnowledgeElements({ index, answers: makeAnswers('a', [[c('@t3'), 'ko']]) });
    expect(summary(failure)).toEqual({ '@t3': 'direct invalidated', '@t4': 'inferred invalidated', '@t5': 'inferred invalidated' });
    expect(failure.get('@t5')?.answerId).toBe('a-0');
  });

  it('[KE-3] the latest direct answer on a skill decides it', () => {
    const state = computeKnowledgeElements({ index, answers: makeAnswers('a', [[c('@t2'), 'ko'], [c('@t2', 1), 'ok']]) });
    expect(state.get('@t2')).toMatchObject({ status: 'validated', source: 'direct', answerId: 'a-1' });
    // The later direct answer also replaces what an earlier inference said.
    const after = computeKnowledgeElements({ index, answers: makeAnswers('a', [[c('@t4'), 'ok'], [c('@t2'), 'ko']]) });
    expect(after.get('@t2')).toMatchObject({ status: 'invalidated', source: 'direct' });
  });

  it('[KE-4] an inference never replaces a direct element', () => {
    const state = computeKnowledgeElements({ index, answers: makeAnswers('a', [[c('@t4'), 'ok'], [c('@t2'), 'ko']]) });
    expect(state.get('@t4')).toMatchObject({ status: 'validated', source: 'direct' });
    const reverse = computeKnowledgeElements({ index, answers: makeAnswers('a', [[c('@t2'), 'ko'], [c('@t4'), 'ok']]) });
    expect(reverse.get('@t2')).toMatchObject({ status: 'invalidated', source: 'direct' });
    expect(reverse.get('@t3')).toMatchObject({ status: 'validated', source: 'inferred' });
  });

  it('[KE-5] between two inferences, the latest holds', () => {
    const state = computeKnowledgeElements({ index, answers: makeAnswers('a', [[c('@t5'), 'ok'], [c('@t1'), 'ko']]) });
    expect(state.get('@t3')).toMatchObject({ status: 'invalidated', source: 'inferred', answerId: 'a-1' });
  });

  it('[KE-6] an answer on a challenge the pack no longer has changes nothing', () => {
    const state = computeKnowledgeElements({ index, answers: makeAnswers('a', [['disparu-a', 'ok']]) });
    expect(state.size).toBe(0);
  });

  it('[KE-7] a repeated answer id is applied once, and initial knowledge is kept under the same rules', () => {
    const [first, second] = makeAnswers('a', [[c('@t2'), 'ko'], [c('@t2', 1), 'ok']]);
    const replayed = computeKnowledgeElements({ index, answers: [first!, second!, { ...first!, result: 'ko' }] });
    expect(replayed.get('@t2')?.status).toBe('validated');
    const initial = computeKnowledgeElements({ index, answers: makeAnswers('old', [[c('@u2'), 'ok']]) });
    const state = computeKnowledgeElements({ index, answers: makeAnswers('new', [[c('@u1'), 'ko']]), initial });
    expect(state.get('@u2')).toMatchObject({ status: 'validated', source: 'direct', assessmentId: 'old' });
    expect(state.get('@u3')).toMatchObject({ status: 'invalidated', source: 'inferred', assessmentId: 'new' });
    expect(initial.get('@u1')?.status).toBe('validated');
  });

  it('[KE-3] [KE-4] property: every skill answered directly ends with its latest direct result', () => {
    const challengeIds = index.pack.challenges.map((ch) => ch.id);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...challengeIds), fc.constantFrom(...ANSWER_RESULTS)), { maxLength: 30 }), (entries) => {
        const answers = makeAnswers('a', entries);
        const state = computeKnowledgeElements({ index, answers });
        const latestDirect = new Map<string, string>();
        for (const [challengeId, result] of entries) latestDirect.set(index.challengeById.get(challengeId)!.skillId, result);
        for (const [skillId, result] of latestDirect) {
          expect(state.get(skillId)).toMatchObject({ source: 'direct', status: result === 'ok' ? 'validated' : 'invalidated' });
        }
        for (const element of state.values()) {
          if (element.source === 'inferred') expect(latestDirect.has(element.skillId)).toBe(false);
        }
      }),
    );
  });
});
