import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPETENCE_IDS } from '../referential.ts';
import { estimateAbility } from './ability-estimate.ts';
import { competenceCapacities } from './competence-capacity.ts';
import type { CompetenceResponse } from './competence-capacity.ts';

const response = fc.record({
  a: fc.double({ min: 0.5, max: 2.5, noNaN: true }),
  b: fc.double({ min: -2.5, max: 2.5, noNaN: true }),
  correct: fc.boolean(),
  competenceId: fc.constantFrom(...COMPETENCE_IDS),
});

describe('capacity per competence', () => {
  it('[FLASH-18] gives every competence a capacity, the rest of the test as prior when it has no answer', () => {
    const responses: CompetenceResponse[] = [
      { a: 1.5, b: 0, correct: true, competenceId: '1.1' },
      { a: 1.5, b: 0.5, correct: false, competenceId: '2.1' },
      { a: 1.2, b: -0.5, correct: true, competenceId: '3.4' },
    ];
    const capacities = competenceCapacities(responses);
    expect([...capacities.keys()]).toEqual(COMPETENCE_IDS);
    expect(capacities.get('5.2')?.estimate).toBeCloseTo(estimateAbility(responses).estimate, 9);
  });

  it('[FLASH-18] moves a competence towards its own answers', () => {
    const rest: CompetenceResponse[] = Array.from({ length: 20 }, (_, k) => ({ a: 1.4, b: 0, correct: k % 2 === 0, competenceId: '2.2' }));
    const passed = competenceCapacities([...rest, { a: 1.5, b: 0.5, correct: true, competenceId: '1.1' }, { a: 1.5, b: 1, correct: true, competenceId: '1.1' }]);
    const failed = competenceCapacities([...rest, { a: 1.5, b: -0.5, correct: false, competenceId: '1.1' }, { a: 1.5, b: -1, correct: false, competenceId: '1.1' }]);
    const overall = estimateAbility(rest).estimate;
    expect(passed.get('1.1')?.estimate).toBeGreaterThan(overall);
    expect(failed.get('1.1')?.estimate).toBeLessThan(overall);
  });

  it('[FLASH-18] never lowers a competence when one of its failures becomes a success', () => {
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 32 }), fc.nat(), (responses, pick) => {
        const k = pick % responses.length;
        const target = responses[k]?.competenceId ?? '1.1';
        const failed = responses.map((r, i) => (i === k ? { ...r, correct: false } : r));
        const passed = responses.map((r, i) => (i === k ? { ...r, correct: true } : r));
        expect(competenceCapacities(passed).get(target)?.estimate).toBeGreaterThan(competenceCapacities(failed).get(target)?.estimate ?? Infinity);
      }),
      { numRuns: 50 },
    );
  });
});
