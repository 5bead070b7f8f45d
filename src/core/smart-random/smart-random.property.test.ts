import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../answers/types.ts';
import { ANSWER_RESULTS } from '../content/types.ts';
import type { AnswerResult } from '../content/types.ts';
import { buildPackIndex } from '../content/pack-index.ts';
import type { PackIndex } from '../content/pack-index.ts';
import { COMPETENCE_IDS } from '../referential.ts';
import { makeAnswer, makePack } from '../test/make-pack.ts';
import { nextChallenge } from './next-challenge.ts';
import type { NextChallenge } from './next-challenge.ts';
import type { SmartRandomInput } from './smart-random-input.ts';
import { smartRandomState } from './smart-random-state.ts';

/** Random banks: 1–3 competences, 1–4 tubes each, distinct levels per tube, 1–3 variants, some timed or web-only. */
const packArb = fc
  .record({
    competences: fc.uniqueArray(fc.constantFrom(...COMPETENCE_IDS), { minLength: 1, maxLength: 3 }),
    tubes: fc.array(
      fc.record({
        levels: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 6 }),
        variants: fc.integer({ min: 1, max: 3 }),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    timedEvery: fc.integer({ min: 2, max: 7 }),
    webEvery: fc.integer({ min: 3, max: 9 }),
  })
  .map(({ competences, tubes, timedEvery, webEvery }) => {
    let n = 0;
    return makePack({
      competences: competences.map((id, c) => ({
        id,
        tubes: tubes.filter((_, t) => t % competences.length === c).map((tube, t) => ({ id: `@c${c}t${t}`, ...tube })),
      })),
      challenge: () => {
        n++;
        return { ...(n % timedEvery === 0 ? { timer: 30 } : {}), requiresInternet: n % webEvery === 0 };
      },
    });
  });

interface Run {
  steps: NextChallenge[];
  answers: Answer[];
}

/** Plays a whole test: each served challenge is answered with the next scripted result. */
function play(base: Omit<SmartRandomInput, 'answers'>, results: readonly AnswerResult[]): Run {
  const answers: Answer[] = [];
  const steps: NextChallenge[] = [];
  // A test can never be longer than the number of challenges; the bound only stops a broken engine.
  for (let i = 0; i <= base.index.pack.challenges.length; i++) {
    const next = nextChallenge({ ...base, answers });
    steps.push(next);
    if (next.kind === 'end') break;
    answers.push(makeAnswer({ assessmentId: base.assessmentId, challengeId: next.challengeId, result: results[i % results.length] ?? 'ok', index: i }));
  }
  return { steps, answers };
}

const scenarioArb = fc.record({
  pack: packArb,
  results: fc.array(fc.constantFrom<AnswerResult>(...ANSWER_RESULTS, 'ok', 'ok', 'ko'), { minLength: 1, maxLength: 40 }),
  assessmentId: fc.string({ minLength: 1, maxLength: 12 }),
  online: fc.boolean(),
  targetShare: fc.integer({ min: 1, max: 4 }),
});

function baseInput(index: PackIndex, assessmentId: string, online: boolean, targetShare: number): Omit<SmartRandomInput, 'answers'> {
  // Every targetShare-th skill is left out of the target, so targets are not always whole competences.
  const targetSkillIds = index.pack.skills.filter((_, i) => targetShare === 1 || i % targetShare !== 0).map((s) => s.id);
  return { index, targetSkillIds, assessmentId, online };
}

describe('smart random properties', () => {
  it('[SR-10] [SR-11] replaying the same answers gives the same next challenge and the same state', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), ({ pack, results, assessmentId, online, targetShare }, cut) => {
        const index = buildPackIndex(pack);
        const base = baseInput(index, assessmentId, online, targetShare);
        const first = play(base, results);
        // Playing again from scratch, and on a freshly built index (another machine), gives the same test.
        const again = play({ ...base, index: buildPackIndex(structuredClone(pack)) }, results);
        expect(again.steps).toEqual(first.steps);
        // Any prefix of the log, replayed (in any list order), gives the step that followed it.
        const k = cut % (first.answers.length + 1);
        const prefix = first.answers.slice(0, k);
        expect(nextChallenge({ ...base, answers: [...prefix].reverse() })).toEqual(first.steps[k]);
        expect(smartRandomState({ ...base, answers: [...prefix].reverse() })).toEqual(smartRandomState({ ...base, answers: prefix }));
      }),
      { numRuns: 60 },
    );
  });

  it('[SR-1] [SR-9] never serves a challenge twice, a settled skill, a skill outside the target, or the web offline', () => {
    fc.assert(
      fc.property(scenarioArb, ({ pack, results, assessmentId, online, targetShare }) => {
        const index = buildPackIndex(pack);
        const base = baseInput(index, assessmentId, online, targetShare);
        const { steps, answers } = play(base, results);
        expect(steps.at(-1)).toEqual({ kind: 'end' });
        const target = new Set(base.targetSkillIds);
        const served = new Set<string>();
        steps.forEach((step, i) => {
          if (step.kind === 'end') return;
          const challenge = index.challengeById.get(step.challengeId);
          expect(challenge?.skillId).toBe(step.skillId);
          expect(served.has(step.challengeId)).toBe(false);
          served.add(step.challengeId);
          expect(target.has(step.skillId)).toBe(true);
          if (!online) expect(challenge?.requiresInternet).toBe(false);
          const before = smartRandomState({ ...base, answers: answers.slice(0, i) });
          expect(before.knowledge.has(step.skillId)).toBe(false);
        });
      }),
      { numRuns: 80 },
    );
  });

  it('[SR-8] when the test ends, every target skill left untested is out of reach: too hard or not servable', () => {
    fc.assert(
      fc.property(scenarioArb, ({ pack, results, assessmentId, online, targetShare }) => {
        const index = buildPackIndex(pack);
        const base = baseInput(index, assessmentId, online, targetShare);
        const { answers } = play(base, results);
        const state = smartRandomState({ ...base, answers });
        for (const skillId of base.targetSkillIds) {
          if (state.knowledge.has(skillId)) continue;
          const skill = index.skillById.get(skillId)!;
          const servable = (index.challengesBySkill.get(skillId) ?? []).some((c) => !state.answeredChallengeIds.has(c.id) && (online || !c.requiresInternet));
          const tooHard = state.estimatedLevel !== undefined && skill.level > state.estimatedLevel + 2;
          expect(!servable || tooHard).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
