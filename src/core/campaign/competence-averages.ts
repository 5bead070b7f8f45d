/**
 * [FOLLOW-5] The per-competence averages of a campaign's "Résultats": for each competence of the target profile, the
 * mean of the participants' mastery rates there, in referential order. Only sent results are counted ([FOLLOW-3]);
 * with none, a competence's average is null (nothing to average), never 0 %.
 */
import type { ParticipationResults } from './participation-results.ts';
import type { CompetenceId, DomainId } from '../referential.ts';

export interface CompetenceAverage {
  competenceId: CompetenceId;
  domainId: DomainId;
  targetSkillCount: number;
  /** 0 … 1, or null when no result counts. */
  averageMasteryRate: number | null;
}

export function competenceAverages(target: Pick<ParticipationResults, 'competences'>, shared: readonly Pick<ParticipationResults, 'competences'>[]): CompetenceAverage[] {
  return target.competences.map((c) => {
    const rates = shared.map((r) => r.competences.find((x) => x.competenceId === c.competenceId)?.masteryRate ?? 0);
    return {
      competenceId: c.competenceId,
      domainId: c.domainId,
      targetSkillCount: c.targetSkillCount,
      averageMasteryRate: rates.length === 0 ? null : rates.reduce((s, r) => s + r, 0) / rates.length,
    };
  });
}
