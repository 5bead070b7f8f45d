/**
 * A participation's results on its target profile ([CAMP-2] … [CAMP-5]): mastery, progress, stage, and the
 * same counts per competence and per domain, as the end screen, the teacher's page and the CSV export show.
 */
import type { PackIndex } from '../content/pack-index.ts';
import type { KnowledgeState } from '../knowledge/knowledge-element.ts';
import { COMPETENCES, DOMAINS } from '../referential.ts';
import type { CompetenceId, DomainId } from '../referential.ts';
import { DEFAULT_STAGES, stageReached } from './stages.ts';
import type { Stage } from './stages.ts';
import { knownTargetSkillIds } from './target-profile.ts';

export interface SkillCounts {
  targetSkillCount: number;
  testedSkillCount: number;
  validatedSkillCount: number;
  /** validated / target, 0 … 1 (0 for an empty target). */
  masteryRate: number;
}

export interface ParticipationResults extends SkillCounts {
  /** Mastery as the integer percentage shown ("Vous maîtrisez N %") and compared with stage thresholds. */
  masteryPercent: number;
  /** tested / target, 0 … 1; 1 once the test is finished. */
  progress: number;
  stage: Stage | undefined;
  competences: (SkillCounts & { competenceId: CompetenceId; domainId: DomainId })[];
  domains: (SkillCounts & { domainId: DomainId })[];
}

export interface ParticipationInput {
  index: PackIndex;
  targetSkillIds: readonly string[];
  knowledge: KnowledgeState;
  /** The engine has nothing more to ask. */
  finished: boolean;
  /** The target profile's stages, in increasing order; default DEFAULT_STAGES. */
  stages?: readonly Stage[];
}

export function participationResults({ index, targetSkillIds, knowledge, finished, stages = DEFAULT_STAGES }: ParticipationInput): ParticipationResults {
  const targets = knownTargetSkillIds(index, targetSkillIds);
  const byCompetence = new Map<CompetenceId, string[]>();
  for (const skillId of targets) {
    const competenceId = index.competenceIdBySkill.get(skillId);
    if (competenceId === undefined) continue;
    const list = byCompetence.get(competenceId);
    if (list === undefined) byCompetence.set(competenceId, [skillId]);
    else list.push(skillId);
  }
  const competences = COMPETENCES.flatMap((c) => {
    const skills = byCompetence.get(c.id);
    return skills === undefined ? [] : [{ competenceId: c.id, domainId: c.domainId, ...countSkills(skills, knowledge) }];
  });
  const domains = DOMAINS.flatMap((d) => {
    const inDomain = competences.filter((c) => c.domainId === d.id);
    return inDomain.length === 0 ? [] : [{ domainId: d.id, ...sumCounts(inDomain) }];
  });
  const overall = countSkills(targets, knowledge);
  // [CAMP-4] Rounded to the nearest integer, so that the stage always matches the percentage on screen.
  const masteryPercent = Math.round(overall.masteryRate * 100);
  return {
    ...overall,
    masteryPercent,
    // [CAMP-3] Once finished, skills left untested (too hard, or unavailable) no longer hold progress back.
    progress: finished ? 1 : ratio(overall.testedSkillCount, overall.targetSkillCount),
    stage: stageReached(stages, masteryPercent),
    competences,
    domains,
  };
}

/** [CAMP-2] A skill is tested when any knowledge element holds for it, validated when that element is validated. */
function countSkills(skillIds: readonly string[], knowledge: KnowledgeState): SkillCounts {
  let testedSkillCount = 0;
  let validatedSkillCount = 0;
  for (const id of skillIds) {
    const element = knowledge.get(id);
    if (element === undefined) continue;
    testedSkillCount++;
    if (element.status === 'validated') validatedSkillCount++;
  }
  return { targetSkillCount: skillIds.length, testedSkillCount, validatedSkillCount, masteryRate: ratio(validatedSkillCount, skillIds.length) };
}

function sumCounts(parts: readonly SkillCounts[]): SkillCounts {
  const targetSkillCount = parts.reduce((s, p) => s + p.targetSkillCount, 0);
  const testedSkillCount = parts.reduce((s, p) => s + p.testedSkillCount, 0);
  const validatedSkillCount = parts.reduce((s, p) => s + p.validatedSkillCount, 0);
  return { targetSkillCount, testedSkillCount, validatedSkillCount, masteryRate: ratio(validatedSkillCount, targetSkillCount) };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
