import { describe, expect, it } from 'vitest';
import { COMPETENCE_IDS } from '../referential.ts';
import { checkBlueprint } from './blueprint-check.ts';
import type { FlashItem } from './flash-item.ts';

const item = (id: string, competenceId: FlashItem['competenceId'], tubeId: string): FlashItem => ({ id, a: 1, b: 0, competenceId, tubeId });

describe('blueprint check', () => {
  it('accepts a sequence that covers the competences first with one item per tube', () => {
    const sequence = COMPETENCE_IDS.map((c, k) => item(`i${k}`, c, `@t${k}`));
    expect(checkBlueprint([...sequence, item('x', '1.1', '@x')])).toEqual([]);
  });

  it('[FLASH-3] [FLASH-4] [FLASH-5] reports a tube used twice, a competence repeated early and twice running', () => {
    const violations = checkBlueprint([item('a', '1.1', '@t1'), item('b', '1.1', '@t1'), item('c', '2.1', '@t2'), item('d', '1.1', '@t3')], 4);
    expect(violations.map((v) => [v.rule, v.position])).toEqual([
      ['FLASH-3', 1],
      ['FLASH-5', 1],
      ['FLASH-4', 1],
      ['FLASH-4', 3],
    ]);
  });
});
