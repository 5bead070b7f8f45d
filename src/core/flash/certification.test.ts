import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANSWER_RESULTS } from '../content/types.ts';
import type { AnswerResult } from '../content/types.ts';
import { hashSeed } from '../random.ts';
import { COMPETENCE_IDS } from '../referential.ts';
import { estimateAbility } from './ability-estimate.ts';
import { checkBlueprint } from './blueprint-check.ts';
import { CERTIFICATION_LENGTH, nextCertificationItem, UnknownChallengeError } from './certification.ts';
import type { CertificationAnswer, CertificationTest, NextItem } from './certification.ts';
import { isEligible } from './eligibility.ts';
import { createFlashBank } from './flash-bank.ts';
import type { FlashBank } from './flash-bank.ts';
import type { FlashItem } from './flash-item.ts';
import { itemInformation } from './irt.ts';
import { REFERENCE_BANK, syntheticBank } from './synthetic-bank.ts';

/** Items of arbitrary banks: any competences, 1–5 tubes each, some items online-only or with K < 1. */
const itemsArbitrary = (minTubes: number) =>
  fc
    .array(
      fc.array(
        fc.array(
          fc.record({
            a: fc.double({ min: 0.4, max: 2.5, noNaN: true }),
            b: fc.double({ min: -3, max: 3, noNaN: true }),
            requiresInternet: fc.boolean().map((online) => online && minTubes === 0),
            eligibility: fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 1, noNaN: true })),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        { minLength: minTubes, maxLength: 5 },
      ),
      { minLength: 16, maxLength: 16 },
    )
    .map((competences) =>
      competences.flatMap((tubes, c) =>
        tubes.flatMap((tubeItems, t) =>
          tubeItems.map(
            (params, k): FlashItem => ({
              id: `c${c}-t${t}-i${k}`,
              competenceId: COMPETENCE_IDS[c] ?? '1.1',
              tubeId: `@tube-${c}-${t}`,
              ...params,
            }),
          ),
        ),
      ),
    )
    .filter((items) => items.length > 0);

const results = fc.array(fc.constantFrom<AnswerResult>(...ANSWER_RESULTS), { minLength: 1, maxLength: 40 });
const seed = fc.string({ minLength: 1, maxLength: 12 });

/** Take a whole test, answering the k-th item with results[k mod length]. */
function takeTest(test: CertificationTest, answersGiven: readonly AnswerResult[]): { answers: CertificationAnswer[]; items: FlashItem[]; end: NextItem } {
  const answers: CertificationAnswer[] = [];
  const items: FlashItem[] = [];
  for (;;) {
    const next = nextCertificationItem(test, answers);
    if (next.kind === 'end') return { answers, items, end: next };
    items.push(next.item);
    answers.push({ challengeId: next.item.id, result: answersGiven[answers.length % answersGiven.length] ?? 'ok' });
  }
}

/** The selection rules written out plainly ([FLASH-3] … [FLASH-10]): the reference the fast scan must match. */
function expectedNext(bank: FlashBank, test: CertificationTest, answers: readonly CertificationAnswer[]): string | undefined {
  const given = answers.map((answer) => bank.items[bank.indexById.get(answer.challengeId) ?? -1]).filter((item) => item !== undefined);
  const usedTubes = new Set(given.map((item) => item.tubeId));
  const covered = new Set(given.map((item) => item.competenceId));
  const last = given.at(-1)?.competenceId;
  const theta = estimateAbility(given.map((item, k) => ({ a: item.a, b: item.b, correct: answers[k]?.result === 'ok' }))).estimate;
  const allowed = bank.items
    .map((item, index) => ({ item, index, info: itemInformation(theta, item.a, item.b) }))
    .filter(({ item }) => !usedTubes.has(item.tubeId) && item.competenceId !== last && (test.online || item.requiresInternet !== true));
  const uncovered = allowed.filter(({ item }) => !covered.has(item.competenceId));
  const pool = uncovered.length > 0 ? uncovered : allowed;
  const rank = (x: (typeof pool)[number], y: (typeof pool)[number]) => y.info - x.info || y.item.a - x.item.a || x.index - y.index;
  const eligible = pool.filter(({ index }) => isEligible(bank, index, hashSeed(test.seed))).sort(rank);
  return (eligible[0] ?? [...pool].sort(rank)[0])?.item.id;
}

describe('next certification item', () => {
  it('[FLASH-6] replays: the same answers give the same next item, from scratch or on a fresh index', () => {
    fc.assert(
      fc.property(itemsArbitrary(0), seed, results, fc.boolean(), (items, assessmentId, given, online) => {
        const test = { bank: createFlashBank(items), seed: assessmentId, online };
        const first = takeTest(test, given);
        const again = takeTest({ ...test, bank: createFlashBank(items) }, given);
        expect(again.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
        first.items.forEach((item, k) => {
          const next = nextCertificationItem(test, first.answers.slice(0, k));
          expect(next.kind === 'item' && next.item.id).toBe(item.id);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('[FLASH-3] [FLASH-5] never asks an item twice, two items of one tube or one competence twice running', () => {
    fc.assert(
      fc.property(itemsArbitrary(0), seed, results, fc.boolean(), (items, assessmentId, given, online) => {
        const { items: asked } = takeTest({ bank: createFlashBank(items), seed: assessmentId, online }, given);
        expect(new Set(asked.map((item) => item.id)).size).toBe(asked.length);
        expect(checkBlueprint(asked, 0)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('[FLASH-2] [FLASH-4] covers all 16 competences in the first 16 items of a complete bank, then stops at 32', () => {
    fc.assert(
      fc.property(itemsArbitrary(3), seed, results, (items, assessmentId, given) => {
        const { items: asked, end } = takeTest({ bank: createFlashBank(items), seed: assessmentId, online: false }, given);
        expect(asked).toHaveLength(CERTIFICATION_LENGTH);
        expect(end).toEqual({ kind: 'end', reason: 'complete' });
        expect(new Set(asked.slice(0, 16).map((item) => item.competenceId)).size).toBe(16);
        expect(checkBlueprint(asked)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('[FLASH-8] [FLASH-9] [FLASH-10] picks the most informative eligible item the blueprint allows', () => {
    fc.assert(
      fc.property(itemsArbitrary(0), seed, results, fc.boolean(), (items, assessmentId, given, online) => {
        const bank = createFlashBank(items);
        const test = { bank, seed: assessmentId, online };
        const { answers, items: asked } = takeTest(test, given);
        asked.forEach((item, k) => {
          expect(item.id).toBe(expectedNext(bank, test, answers.slice(0, k)));
          if (!online) expect(item.requiresInternet).not.toBe(true);
        });
      }),
      { numRuns: 80 },
    );
  });

  it('[FLASH-10] gives an ineligible item rather than break the blueprint', () => {
    const items: FlashItem[] = COMPETENCE_IDS.map((competenceId, c) => ({ id: `only-${c}`, a: 1, b: 0, competenceId, tubeId: `@t${c}`, eligibility: 1e-4 }));
    const { items: asked } = takeTest({ bank: createFlashBank(items), seed: 'abc', online: false }, ['ok']);
    expect(asked).toHaveLength(16);
  });

  it('[FLASH-13] ends early when the blueprint allows no item', () => {
    const items: FlashItem[] = [
      { id: 'x1', a: 1, b: 0, competenceId: '1.1', tubeId: '@a' },
      { id: 'x2', a: 1, b: 0, competenceId: '1.1', tubeId: '@b' },
      { id: 'x3', a: 1, b: 0, competenceId: '2.1', tubeId: '@c' },
    ];
    const { items: asked, end } = takeTest({ bank: createFlashBank(items), seed: 's', online: false }, ['ko']);
    expect(asked.map((item) => item.competenceId)).toEqual(['1.1', '2.1', '1.1']);
    expect(end).toEqual({ kind: 'end', reason: 'bank-exhausted' });
  });

  it('[FLASH-6] depends on the seed only through exposure control', () => {
    const items = syntheticBank(REFERENCE_BANK);
    const open = createFlashBank(items);
    const a = takeTest({ bank: open, seed: 'one', online: false }, ['ok', 'ko']).items.map((item) => item.id);
    const b = takeTest({ bank: open, seed: 'two', online: false }, ['ok', 'ko']).items.map((item) => item.id);
    expect(b).toEqual(a);
    const controlled = createFlashBank(items.map((item) => ({ ...item, eligibility: 0.3 })));
    const c = takeTest({ bank: controlled, seed: 'one', online: false }, ['ok', 'ko']).items.map((item) => item.id);
    const d = takeTest({ bank: controlled, seed: 'two', online: false }, ['ok', 'ko']).items.map((item) => item.id);
    expect(d).not.toEqual(c);
  });

  it('[FLASH-19] refuses an answer to a challenge the bank does not have, and ignores a second answer', () => {
    const bank = createFlashBank(syntheticBank(REFERENCE_BANK));
    const test = { bank, seed: 's', online: false };
    expect(() => nextCertificationItem(test, [{ challengeId: 'nope', result: 'ok' }])).toThrow(UnknownChallengeError);
    const first = nextCertificationItem(test, []);
    if (first.kind !== 'item') throw new Error('the bank has items');
    const once = nextCertificationItem(test, [{ challengeId: first.item.id, result: 'ok' }]);
    const twice = nextCertificationItem(test, [{ challengeId: first.item.id, result: 'ok' }, { challengeId: first.item.id, result: 'ko' }]);
    expect(twice).toEqual(once);
    expect(once.kind === 'item' && once.position).toBe(2);
  });
});
