/**
 * [FOLLOW-4] How many participants reached each stage ("Résultats": stages with stars): every stage of the target
 * profile, in increasing order, even when nobody reached it. Only sent results are counted ([FOLLOW-3]).
 */
import { stageReached } from './stages.ts';
import type { Stage } from './stages.ts';

export function stageDistribution<S extends Stage>(stages: readonly S[], masteryPercents: readonly number[]): { stage: S; count: number }[] {
  const counts = new Map<string, number>(stages.map((s) => [s.id, 0]));
  for (const percent of masteryPercents) {
    const stage = stageReached(stages, percent);
    if (stage !== undefined) counts.set(stage.id, (counts.get(stage.id) ?? 0) + 1);
  }
  return stages.map((stage) => ({ stage, count: counts.get(stage.id) ?? 0 }));
}
