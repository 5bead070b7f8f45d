import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES, stageProblems, stageReached } from './stages.ts';

describe('stages', () => {
  it('[CAMP-4] default stages: 0–20, 21–50 ★, 51–80 ★★, 81–100 ★★★', () => {
    const at = (percent: number) => stageReached(DEFAULT_STAGES, percent);
    expect([0, 20, 21, 50, 51, 80, 81, 100].map((p) => at(p)?.id)).toEqual([
      'insufficient', 'insufficient', 'fragile', 'fragile', 'satisfactory', 'satisfactory', 'very-good', 'very-good',
    ]);
    expect(at(81)?.stars).toBe(3);
    expect(stageProblems(DEFAULT_STAGES)).toEqual([]);
  });

  it('[CAMP-4] a custom stage list must start at 0 and increase within 0–100', () => {
    expect(stageProblems([])).toHaveLength(1);
    expect(stageProblems([{ id: 'x', threshold: 10, stars: 0 }])).toEqual(['the first stage must start at 0 %']);
    expect(stageProblems([{ id: 'x', threshold: 0, stars: 0 }, { id: 'y', threshold: 0, stars: 1 }])).toEqual(['stage "y": thresholds must increase']);
    expect(stageProblems([{ id: 'x', threshold: 0, stars: 0 }, { id: 'y', threshold: 101, stars: 1 }])).toHaveLength(1);
  });
});
