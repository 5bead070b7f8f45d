/**
 * The skills a test targets: a campaign's target profile (the campaign document's list), or every skill of the
 * competence for competence training; none for certification, whose blueprint is the whole bank.
 */
import { competenceTargetSkillIds } from '../campaign/target-profile.ts';
import type { PackIndex } from '../content/pack-index.ts';
import { isCompetenceId } from '../referential.ts';
import type { AssessmentDocument } from '../sync/documents.ts';

export function testTargetSkillIds(
  index: PackIndex,
  assessment: Pick<AssessmentDocument, 'kind' | 'competenceId'>,
  campaignTargetSkillIds: readonly string[] | null,
): string[] {
  if (assessment.kind === 'competence') {
    return assessment.competenceId !== null && isCompetenceId(assessment.competenceId) ? competenceTargetSkillIds(index, assessment.competenceId) : [];
  }
  if (assessment.kind === 'campaign') return [...(campaignTargetSkillIds ?? [])];
  return [];
}
