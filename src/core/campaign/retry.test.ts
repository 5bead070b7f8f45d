import { describe, expect, it } from 'vitest';
import { buildPackIndex } from '../content/pack-index.ts';
import { computeKnowledgeElements } from '../knowledge/compute-knowledge-elements.ts';
import { challengeIdOf, makeAnswer, makeAnswers, makePack } from '../test/make-pack.ts';
import { competenceResetStatus, lastAnswerAt, RESET_DELAY_MS } from './competence-reset.ts';
import { participationResults } from './participation-results.ts';
import { DAY_MS, RETRY_DELAY_MS, retryCarryOver, retrySkillIds, retryStatus } from './retry.ts';

const index = buildPackIndex(
  makePack({ competences: [{ id: '1.1', tubes: [{ id: '@a', levels: [1, 2, 3, 4] }] }, { id: '1.2', tubes: [{ id: '@b', levels: [1, 2, 3] }] }] }),
);
const target = ['@a1', '@a2', '@a3', '@a4', '@b1', '@b2', '@b3'];
// @a2 ok (validates @a1), @a3 skipped (invalidates @a4), @b2 ok (validates @b1); @b3 never reached.
const previous = computeKnowledgeElements({
  index,
  answers: makeAnswers('p1', [[challengeIdOf('@a2'), 'ok'], [challengeIdOf('@a3'), 'aband'], [challengeIdOf('@b2'), 'ok']]),
});
const sharedAt = Date.UTC(2025, 2, 3, 10);

describe('retry', () => {
  it('[RETRY-1] needs multiple sendings, shared results and 4 days since sharing', () => {
    const base = { multipleSendings: true, sharedAt, now: sharedAt + RETRY_DELAY_MS, targetSkillIds: target, previous };
    expect(RETRY_DELAY_MS).toBe(4 * 24 * 3600 * 1000);
    expect(retryStatus(base)).toEqual({ allowed: true });
    expect(retryStatus({ ...base, now: sharedAt + RETRY_DELAY_MS - 1 })).toEqual({ allowed: false, reason: 'too-early', availableAt: sharedAt + 4 * DAY_MS });
    expect(retryStatus({ ...base, multipleSendings: false })).toEqual({ allowed: false, reason: 'single-sending' });
    expect(retryStatus({ ...base, sharedAt: undefined })).toEqual({ allowed: false, reason: 'not-shared' });
    expect(retryStatus({ ...base, targetSkillIds: ['@a1', '@a2', '@b1'] })).toEqual({ allowed: false, reason: 'nothing-to-retry' });
  });

  it('[RETRY-2] asks again the skills failed or skipped, and those never reached; never the validated ones', () => {
    expect(retrySkillIds(target, previous)).toEqual(['@a3', '@a4', '@b3']);
  });

  it('[RETRY-3] starts from the validated elements only, so new answers decide the rest', () => {
    const carried = retryCarryOver(previous);
    expect([...carried.keys()].sort()).toEqual(['@a1', '@a2', '@b1', '@b2']);
    const retry = computeKnowledgeElements({ index, answers: makeAnswers('p2', [[challengeIdOf('@a4'), 'ok'], [challengeIdOf('@b3'), 'ok']]), initial: carried });
    const results = participationResults({ index, targetSkillIds: target, knowledge: retry, finished: true });
    expect(results).toMatchObject({ validatedSkillCount: 7, masteryPercent: 100 });
  });
});

describe('competence reset', () => {
  it('[RETRY-4] allowed 7 days after the last answer on the competence, not before, and not with no answer', () => {
    const answers = [
      makeAnswer({ assessmentId: 'c', challengeId: challengeIdOf('@a1'), result: 'ok', index: 0, answeredAt: 1_000 }),
      makeAnswer({ assessmentId: 'c', challengeId: challengeIdOf('@a2'), result: 'ok', index: 1, answeredAt: 5_000 }),
      makeAnswer({ assessmentId: 'd', challengeId: challengeIdOf('@b1'), result: 'ok', index: 0, answeredAt: 9_000 }),
    ];
    const last = lastAnswerAt(index, answers, '1.1');
    expect(last).toBe(5_000);
    expect(RESET_DELAY_MS).toBe(7 * DAY_MS);
    expect(competenceResetStatus(last, 5_000 + RESET_DELAY_MS - 1)).toEqual({ allowed: false, reason: 'too-early', availableAt: 5_000 + RESET_DELAY_MS });
    expect(competenceResetStatus(last, 5_000 + RESET_DELAY_MS)).toEqual({ allowed: true });
    expect(competenceResetStatus(lastAnswerAt(index, answers, '3.4'), 10 ** 13)).toEqual({ allowed: false, reason: 'nothing-to-reset' });
  });
});
