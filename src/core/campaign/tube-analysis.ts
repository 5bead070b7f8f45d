/**
 * "Analyse" ([FOLLOW-6]): the topics (tubes) of the target profile the participants master least, and tutorials to
 * suggest for them. A participant's mastery of a tube is the share of the tube's target skills they validated; the
 * tube's figure is the mean over the participants whose results count (sent only, [FOLLOW-3]).
 */
import type { PackIndex } from '../content/pack-index.ts';
import type { Tutorial } from '../content/types.ts';
import type { KnowledgeState } from '../knowledge/knowledge-element.ts';
import type { CompetenceId } from '../referential.ts';
import { knownTargetSkillIds } from './target-profile.ts';

export interface TubeMastery {
  tubeId: string;
  competenceId: CompetenceId;
  title: string;
  targetSkillCount: number;
  /** 0 … 1, or null when no result counts. */
  averageMasteryRate: number | null;
}

/** Tubes of the target, least mastered first; ties (and no results) keep the pack's order. */
export function tubeMastery(index: PackIndex, targetSkillIds: readonly string[], knowledge: readonly KnowledgeState[]): TubeMastery[] {
  const byTube = new Map<string, string[]>();
  for (const skillId of knownTargetSkillIds(index, targetSkillIds)) {
    const tubeId = index.skillById.get(skillId)?.tubeId;
    if (tubeId === undefined) continue;
    byTube.set(tubeId, [...(byTube.get(tubeId) ?? []), skillId]);
  }
  const tubes = index.pack.tubes.flatMap((tube): TubeMastery[] => {
    const skills = byTube.get(tube.id);
    if (skills === undefined) return [];
    const rates = knowledge.map((state) => skills.filter((id) => state.get(id)?.status === 'validated').length / skills.length);
    return [{
      tubeId: tube.id,
      competenceId: tube.competenceId,
      title: tube.title,
      targetSkillCount: skills.length,
      averageMasteryRate: rates.length === 0 ? null : rates.reduce((s, r) => s + r, 0) / rates.length,
    }];
  });
  // Stable sort: equal rates stay in pack order.
  return tubes.sort((a, b) => (a.averageMasteryRate ?? 1) - (b.averageMasteryRate ?? 1));
}

export interface SuggestedTutorial {
  tubeId: string;
  tutorial: Tutorial;
}

/**
 * Tutorials of the least mastered tubes that are not mastered by everyone (average below 1), in that order, at most
 * `perTube` for each tube and `limit` in all; none when no result counts.
 */
export function suggestedTutorials(index: PackIndex, tubes: readonly TubeMastery[], { limit = 10, perTube = 2 }: { limit?: number; perTube?: number } = {}): SuggestedTutorial[] {
  const suggested: SuggestedTutorial[] = [];
  for (const tube of tubes) {
    if (tube.averageMasteryRate === null || tube.averageMasteryRate >= 1) continue;
    const tutorials = index.pack.tutorials.filter((t) => t.tubeId === tube.tubeId).slice(0, perTube);
    for (const tutorial of tutorials) {
      if (suggested.length >= limit) return suggested;
      suggested.push({ tubeId: tube.tubeId, tutorial });
    }
  }
  return suggested;
}
