import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerResult } from '../content/types.ts';
import { COMPETENCE_IDS } from '../referential.ts';
import { CERTIFICATION_LENGTH, MINIMUM_ANSWERS, nextCertificationItem, scoreCertification } from './certification.ts';
import type { CertificationAnswer, CertificationTest } from './certification.ts';
import { createFlashBank } from './flash-bank.ts';
import { levelFromCapacity, MAX_CERTIFICATION_SCORE, scoreFromCapacity } from './score-scale.ts';
import { REFERENCE_BANK, syntheticBank } from './synthetic-bank.ts';

const bank = createFlashBank(syntheticBank(REFERENCE_BANK).map((item, i) => ({ ...item, eligibility: i % 3 === 0 ? 0.4 : 1 })));
const test: CertificationTest = { bank, seed: 'assessment-42', online: false };

/** The first `count` answers of a test, the k-th answered with pattern[k mod length]. */
function answer(count: number, pattern: readonly AnswerResult[]): CertificationAnswer[] {
  const answers: CertificationAnswer[] = [];
  while (answers.length < count) {
    const next = nextCertificationItem(test, answers);
    if (next.kind === 'end') break;
    answers.push({ challengeId: next.item.id, result: pattern[answers.length % pattern.length] ?? 'ok' });
  }
  return answers;
}

describe('certification result', () => {
  it('[FLASH-17] scores a complete test 0 … 895 from its capacity', () => {
    const result = scoreCertification(test, answer(CERTIFICATION_LENGTH, ['ok', 'ok', 'ko']));
    if (result.status !== 'scored') throw new Error(`expected a score, got ${result.status}`);
    expect(result.score).toBe(scoreFromCapacity(result.capacity));
    expect(result.level).toBe(levelFromCapacity(result.capacity));
    expect(result.answerCount).toBe(32);
    expect(result.sem).toBeGreaterThan(0);
    expect(result.sem).toBeLessThan(0.5);
  });

  it('[FLASH-17] ranks all answers right above all wrong, within 0 … 895', () => {
    const best = scoreCertification(test, answer(32, ['ok']));
    const worst = scoreCertification(test, answer(32, ['ko']));
    if (best.status !== 'scored' || worst.status !== 'scored') throw new Error('both complete tests are scored');
    expect(best.score).toBeGreaterThan(worst.score);
    expect(best.score).toBeLessThanOrEqual(MAX_CERTIFICATION_SCORE);
    expect(worst.score).toBeGreaterThanOrEqual(0);
  });

  it('[FLASH-7] counts skipped, timed-out and focused-out answers as failures', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }), fc.constantFrom<AnswerResult>('aband', 'timedout', 'focusedOut'), (correct, failure) => {
        const withKo = answer(32, correct.map((ok) => (ok ? 'ok' : 'ko')));
        const withOther = withKo.map((a) => (a.result === 'ko' ? { ...a, result: failure } : a));
        expect(scoreCertification(test, withOther)).toEqual(scoreCertification(test, withKo));
      }),
      { numRuns: 15 },
    );
  });

  it('[FLASH-18] gives a level 0 … 7 for each of the 16 competences', () => {
    const result = scoreCertification(test, answer(32, ['ok', 'ko', 'ok']));
    if (result.status !== 'scored') throw new Error('a complete test is scored');
    expect(result.competences.map((c) => c.competenceId)).toEqual(COMPETENCE_IDS);
    for (const competence of result.competences) {
      expect(competence.level).toBe(levelFromCapacity(competence.capacity));
      expect(competence.level).toBeGreaterThanOrEqual(0);
      expect(competence.level).toBeLessThanOrEqual(7);
    }
  });

  it('[FLASH-16] needs 20 answers: 19 without an abort reason are cancelled, 20 are scored', () => {
    expect(scoreCertification(test, answer(MINIMUM_ANSWERS - 1, ['ok']))).toEqual({ status: 'cancelled', reason: 'too-few-answers', answerCount: 19 });
    expect(scoreCertification(test, answer(MINIMUM_ANSWERS, ['ok'])).status).toBe('scored');
  });

  it('[FLASH-16] cancels a technical abort below 20 answers and scores one at 20 or more as it is', () => {
    expect(scoreCertification(test, answer(12, ['ok']), 'technical')).toEqual({ status: 'cancelled', reason: 'technical-abort', answerCount: 12 });
    const answers = answer(25, ['ok', 'ko']);
    const aborted = scoreCertification(test, answers, 'technical');
    expect(aborted).toEqual(scoreCertification(test, answers));
    expect(aborted.status === 'scored' && aborted.skippedAfterAbort).toBe(0);
  });

  it('[FLASH-16] scores a candidate abort with the missing answers skipped on the items that would have come next', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 32 }), fc.array(fc.constantFrom<AnswerResult>('ok', 'ko'), { minLength: 1, maxLength: 5 }), (count, pattern) => {
        const given = answer(count, pattern);
        const completed = [...given];
        while (completed.length < CERTIFICATION_LENGTH) {
          const next = nextCertificationItem(test, completed);
          if (next.kind === 'end') break;
          completed.push({ challengeId: next.item.id, result: 'aband' });
        }
        const result = scoreCertification(test, given, 'candidate');
        if (result.status !== 'scored') throw new Error('a candidate abort is scored');
        const reference = scoreCertification(test, completed);
        if (reference.status !== 'scored') throw new Error('a complete test is scored');
        expect({ ...result, answerCount: 0, skippedAfterAbort: 0 }).toEqual({ ...reference, answerCount: 0, skippedAfterAbort: 0 });
        expect(result.answerCount).toBe(count);
        expect(result.skippedAfterAbort).toBe(CERTIFICATION_LENGTH - count);
      }),
      { numRuns: 20 },
    );
  });

  it('[FLASH-16] never scores a candidate abort above the same answers with no abort', () => {
    const given = answer(24, ['ok']);
    const aborted = scoreCertification(test, given, 'candidate');
    const plain = scoreCertification(test, given);
    if (aborted.status !== 'scored' || plain.status !== 'scored') throw new Error('both are scored');
    expect(aborted.score).toBeLessThan(plain.score);
  });
});
