import { describe, expect, it } from 'vitest';
import type { Answer } from '../answers/types.ts';
import type { AnswerResult } from '../content/types.ts';
import { buildPackIndex } from '../content/pack-index.ts';
import type { PackIndex } from '../content/pack-index.ts';
import { challengeIdOf, makeAnswer, makeAnswers, makePack } from '../test/make-pack.ts';
import { nextChallenge } from './next-challenge.ts';
import type { SmartRandomInput } from './smart-random-input.ts';
import { smartRandomState } from './smart-random-state.ts';

const ids = Array.from({ length: 40 }, (_, i) => `assessment-${i}`);

function input(index: PackIndex, overrides: Partial<SmartRandomInput> = {}): SmartRandomInput {
  return { index, targetSkillIds: index.pack.skills.map((s) => s.id), answers: [], assessmentId: 'assessment-0', online: true, ...overrides };
}

describe('smart random: the first challenge', () => {
  const index = buildPackIndex(
    makePack({
      competences: [{ id: '1.1', tubes: [{ id: '@facile', levels: [1, 2, 3], variants: 2 }, { id: '@dur', levels: [1, 2, 3, 4, 5, 6], variants: 2 }] }],
      // Variant "a" of every skill is timed; "b" is not.
      challenge: ({ variant }) => (variant === 0 ? { timer: 60 } : {}),
    }),
  );

  it('[SR-2] [SR-3] comes from an easy tube, at level 2, untimed', () => {
    for (const assessmentId of ids) {
      const next = nextChallenge(input(index, { assessmentId }));
      expect(next).toEqual({ kind: 'challenge', challengeId: challengeIdOf('@facile2', 1), skillId: '@facile2' });
    }
  });

  it('[SR-2] [SR-3] falls back to any tube, the level nearest 2 (lower on a tie), timed if nothing else', () => {
    const hardOnly = buildPackIndex(
      makePack({ competences: [{ id: '1.1', tubes: [{ id: '@x', levels: [1, 3, 5] }, { id: '@y', levels: [3, 4, 6] }] }], challenge: () => ({ timer: 30 }) }),
    );
    for (const assessmentId of ids) {
      const next = nextChallenge(input(hardOnly, { assessmentId }));
      expect(next).toEqual({ kind: 'challenge', challengeId: challengeIdOf('@x1'), skillId: '@x1' });
    }
  });
});

describe('smart random: later challenges', () => {
  const index = buildPackIndex(
    makePack({
      competences: [
        {
          id: '3.1',
          tubes: [
            { id: '@a', levels: [1, 2, 3, 4, 5, 6], variants: 2 },
            { id: '@b', levels: [1, 2, 3, 4, 5], variants: 2 },
            { id: '@c', levels: [2, 5, 6] },
          ],
        },
      ],
    }),
  );

  it('[SR-1] [SR-10] never serves a skill already settled, directly or by inference', () => {
    // @a3 ok settles @a1 … @a3; @b2 ko settles @b2 … @b5.
    const answers = makeAnswers('s', [[challengeIdOf('@a3'), 'ok'], [challengeIdOf('@b2'), 'ko']]);
    const served = new Set<string>();
    for (const assessmentId of ids) {
      const next = nextChallenge(input(index, { answers, assessmentId }));
      expect(next.kind).toBe('challenge');
      if (next.kind === 'challenge') served.add(next.skillId);
    }
    for (const settled of ['@a1', '@a2', '@a3', '@b2', '@b3', '@b4', '@b5']) expect(served.has(settled)).toBe(false);
  });

  it('[SR-7] picks the skill that is expected to settle the most', () => {
    // Four successes put the estimate at 5.5. Untested: @a4–6, @b4–5, @c5–6. At 5.5, @a5 settles
    // 0.62 × 2 + 0.38 × 2 = 2.0 skills in expectation, more than any other (@a6 1.76, @b5 1.62, @a4 1.36).
    const answers = makeAnswers('s', [[challengeIdOf('@a2'), 'ok'], [challengeIdOf('@b1'), 'ok'], [challengeIdOf('@c2'), 'ok'], [challengeIdOf('@b3'), 'ok']]);
    expect(smartRandomState(input(index, { answers })).estimatedLevel).toBe(5.5);
    for (const assessmentId of ids) {
      expect(nextChallenge(input(index, { answers, assessmentId }))).toMatchObject({ kind: 'challenge', skillId: '@a5' });
    }
  });

  it('[SR-5] [SR-8] drops skills more than 2 levels above the estimate, and ends when nothing is left', () => {
    const spread = buildPackIndex(
      makePack({ competences: [{ id: '1.1', tubes: [{ id: '@bas', levels: [1, 2] }, { id: '@milieu', levels: [6] }, { id: '@haut', levels: [7] }] }] }),
    );
    // One success at level 2: estimate 4.5, so level 6 (≤ 6.5) may come and level 7 may not.
    const answers = makeAnswers('s', [[challengeIdOf('@bas2'), 'ok']]);
    expect(smartRandomState(input(spread, { answers })).estimatedLevel).toBe(4.5);
    for (const assessmentId of ids) {
      expect(nextChallenge(input(spread, { answers, assessmentId }))).toMatchObject({ kind: 'challenge', skillId: '@milieu6' });
    }
    const failed = makeAnswers('s', [[challengeIdOf('@bas2'), 'ok'], [challengeIdOf('@milieu6'), 'ko']]);
    expect(nextChallenge(input(spread, { answers: failed }))).toEqual({ kind: 'end' });
    // A success at 6 lifts the estimate enough to open level 7.
    const passed = makeAnswers('s', [[challengeIdOf('@bas2'), 'ok'], [challengeIdOf('@milieu6'), 'ok']]);
    expect(nextChallenge(input(spread, { answers: passed }))).toMatchObject({ kind: 'challenge', skillId: '@haut7' });
  });

  it('[SR-8] ends once every target skill is settled', () => {
    const small = buildPackIndex(makePack({ competences: [{ id: '1.1', tubes: [{ id: '@t', levels: [1, 2, 3] }] }] }));
    expect(nextChallenge(input(small, { answers: makeAnswers('s', [[challengeIdOf('@t3'), 'ok']]) }))).toEqual({ kind: 'end' });
    expect(nextChallenge(input(small, { targetSkillIds: [] }))).toEqual({ kind: 'end' });
  });

  it('[SR-6] after a timeout, prefers an untimed challenge', () => {
    const mixed = buildPackIndex(
      makePack({
        competences: [{ id: '1.1', tubes: [{ id: '@t', levels: [1, 2, 3, 4, 5, 6], variants: 2 }, { id: '@u', levels: [1, 2, 3, 4, 5, 6], variants: 2 }] }],
        challenge: ({ variant }) => (variant === 0 ? { timer: 20 } : {}),
      }),
    );
    for (const assessmentId of ids) {
      const answers = makeAnswers(assessmentId, [[challengeIdOf('@t2', 0), 'timedout']]);
      const next = nextChallenge(input(mixed, { answers, assessmentId }));
      expect(next.kind === 'challenge' && mixed.challengeById.get(next.challengeId)?.timer).toBe(undefined);
    }
    const afterOk = new Set(
      ids.map((assessmentId) => {
        const next = nextChallenge(input(mixed, { answers: makeAnswers(assessmentId, [[challengeIdOf('@t2', 1), 'ok']]), assessmentId }));
        return next.kind === 'challenge' ? mixed.challengeById.get(next.challengeId)?.timer : 'end';
      }),
    );
    expect(afterOk.has(20)).toBe(true);
  });

  it('[SR-9] offline, never serves a challenge that requires the Internet', () => {
    const web = buildPackIndex(
      makePack({
        competences: [{ id: '1.1', tubes: [{ id: '@t', levels: [1, 2, 3], variants: 2 }, { id: '@w', levels: [2] }] }],
        challenge: ({ skill, variant }) => ({ requiresInternet: skill.tubeId === '@w' || variant === 0 }),
      }),
    );
    for (const assessmentId of ids) {
      const next = nextChallenge(input(web, { assessmentId, online: false }));
      expect(next).toEqual({ kind: 'challenge', challengeId: challengeIdOf('@t2', 1), skillId: '@t2' });
    }
    const answers = makeAnswers('s', [[challengeIdOf('@t2', 1), 'ok'], [challengeIdOf('@t3', 1), 'ok']]);
    expect(nextChallenge(input(web, { answers, online: false }))).toEqual({ kind: 'end' });
    expect(nextChallenge(input(web, { answers, online: true }))).toMatchObject({ kind: 'challenge', skillId: '@w2' });
  });

  it('[SR-12] prefers a variant this learner has not seen in earlier assessments', () => {
    const variants = buildPackIndex(makePack({ competences: [{ id: '1.1', tubes: [{ id: '@t', levels: [1, 2, 3], variants: 3 }] }] }));
    const previousAnswers = [challengeIdOf('@t2', 0), challengeIdOf('@t2', 2)].map((challengeId) => ({ challengeId }));
    for (const assessmentId of ids) {
      expect(nextChallenge(input(variants, { assessmentId, previousAnswers }))).toMatchObject({ challengeId: challengeIdOf('@t2', 1) });
    }
    const allSeen = [0, 1, 2].map((v) => ({ challengeId: challengeIdOf('@t2', v) }));
    expect(nextChallenge(input(variants, { previousAnswers: allSeen }))).toMatchObject({ kind: 'challenge', skillId: '@t2' });
  });

  it('[SR-11] ties are broken by the assessment id: the same id gives the same pick, others spread', () => {
    const picks = ids.map((assessmentId) => nextChallenge(input(index, { assessmentId })));
    expect(new Set(picks.map((p) => (p.kind === 'challenge' ? p.challengeId : 'end'))).size).toBeGreaterThan(1);
    ids.forEach((assessmentId, i) => expect(nextChallenge(input(index, { assessmentId }))).toEqual(picks[i]));
  });

  it('[SR-1] a retry carries over validated skills: they are not asked again', () => {
    const carriedOver = new Map([['@a2', { skillId: '@a2', status: 'validated' as const, source: 'direct' as const, answerId: 'old', assessmentId: 'p1' }]]);
    for (const assessmentId of ids) {
      const next = nextChallenge(input(index, { assessmentId, carriedOver }));
      expect(next.kind === 'challenge' && next.skillId).not.toBe('@a2');
    }
  });

  it('[SR-10] answers are replayed by index, whatever their order in the list', () => {
    const answers: Answer[] = makeAnswers('s', [[challengeIdOf('@a2'), 'ok'], [challengeIdOf('@b4'), 'ko'], [challengeIdOf('@c5'), 'timedout']]);
    const shuffled = [answers[2]!, answers[0]!, answers[1]!];
    expect(nextChallenge(input(index, { answers: shuffled, assessmentId: 's' }))).toEqual(nextChallenge(input(index, { answers, assessmentId: 's' })));
    expect(smartRandomState(input(index, { answers: shuffled })).lastResult).toBe<AnswerResult>('timedout');
  });

  it('[SR-1] answers on challenges missing from the pack are counted but settle nothing', () => {
    const answers = [makeAnswer({ assessmentId: 's', challengeId: 'retire-a', result: 'ok', index: 0 })];
    const state = smartRandomState(input(index, { answers }));
    expect(state).toMatchObject({ answerCount: 1, estimatedLevel: 3.5 });
    expect(state.knowledge.size).toBe(0);
  });
});
