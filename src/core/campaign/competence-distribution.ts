/**
 * [FOLLOW-7] "Analyse", distribution per competence: for each competence of the target profile, how many
 * participants reach each stage on that competence alone (its mastery percentage, rounded as [CAMP-4]). Only sent
 * results count ([FOLLOW-3]).
 */
import type { ParticipationResults } from './participation-results.ts';
import { stageReached } from './stages.ts';
import type { Stage } from './stages.ts';
import type { CompetenceId } from '../referential.ts';

export interface CompetenceDistribution {
  competenceId: CompetenceId;
  /** Every stage in increasing order with its count of participants. */
  stages: { stageId: string; count: number }[];
}

export function competenceDistribution(stages: readonly Stage[], target: Pick<ParticipationResults, 'competences'>, shared: readonly Pick<ParticipationResults, 'competences'>[]): CompetenceDistribution[] {
  return target.competences.map((c) => {
    const counts = new Map<string, number>(stages.map((s) => [s.id, 0]));
    for (const result of shared) {
      const rate = result.competences.find((x) => x.competenceId === c.competenceId)?.masteryRate ?? 0;
      const stage = stageReached(stages, Math.round(rate * 100));
      if (stage !== undefined) counts.set(stage.id, (counts.get(stage.id) ?? 0) + 1);
    }
    return { competenceId: c.competenceId, stages: stages.map((s) => ({ stageId: s.id, count: counts.get(s.id) ?? 0 })) };
  });
}
