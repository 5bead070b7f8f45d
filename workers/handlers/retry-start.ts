/**
 * What a new campaign participation carries over ([RETRY-3], [RETRY-5]), worked out once, before its assessment is
 * written, so that it can be frozen on it ([REPLAY-5]): the learner's participations in the campaign as this machine
 * holds them now, chained with the new one last.
 */
import { participationChain } from '../../src/core/campaign/retry-chain.ts';
import type { PackIndex } from '../../src/core/content/pack-index.ts';
import type { KnowledgeElement } from '../../src/core/knowledge/knowledge-element.ts';
import type { AssessmentDocument } from '../../src/core/sync/documents.ts';
import type { LabDatabase } from '../db/lab-database.ts';
import { answersOf } from '../student/learner-log.ts';

/** The elements to freeze on `draft`, or undefined for a first participation and other kinds. */
export async function carriedOverAtStart(db: LabDatabase, index: PackIndex, draft: AssessmentDocument): Promise<KnowledgeElement[] | undefined> {
  if (draft.kind !== 'campaign' || draft.campaignId === null) return undefined;
  const found = await db.assessments.find({ selector: { learnerId: draft.learnerId, kind: 'campaign', campaignId: draft.campaignId, _deleted: false } }).exec();
  const earlier = found.map((d) => d.toJSON() as AssessmentDocument).filter((d) => d.id !== draft.id);
  const answers = await answersOf(db, earlier.map((d) => d.id));
  const links = participationChain(index, [
    ...earlier.map((d) => ({ id: d.id, startedAt: d.startedAt, sharedAt: d.sharedAt, answers: answers.get(d.id) ?? [] })),
    { id: draft.id, startedAt: draft.startedAt, sharedAt: null, answers: [] },
  ]);
  const carried = links.find((link) => link.id === draft.id)?.carriedOver;
  return carried && carried.size > 0 ? [...carried.values()] : undefined;
}
