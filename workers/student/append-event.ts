/** Writes one learner event to the log (append-only; replicated like answers, [SYNC-EVENTS-1]). */
import type { LearnerEventDocument } from '../../src/core/sync/documents.ts';
import type { LabRuntime } from '../runtime/lab-runtime.ts';
import { learnerEvents } from './learner-log.ts';

type EventFields = Pick<LearnerEventDocument, 'kind' | 'learnerId'> & Partial<Pick<LearnerEventDocument, 'assessmentId' | 'challengeId' | 'competenceId' | 'category' | 'comment' | 'tutorialId'>>;

export async function appendEvent(runtime: LabRuntime, fields: EventFields): Promise<LearnerEventDocument> {
  const db = await runtime.db();
  // Events replay by date ([PROFILE-1], [PROFILE-3]): a learner's events on one machine never share a millisecond,
  // so "saved" then "unsaved" in a quick double click keep their order.
  const latest = Math.max(-1, ...(await learnerEvents(db, fields.learnerId)).map((e) => e.at));
  const doc: LearnerEventDocument = {
    id: crypto.randomUUID(),
    kind: fields.kind,
    learnerId: fields.learnerId,
    assessmentId: fields.assessmentId ?? null,
    challengeId: fields.challengeId ?? null,
    competenceId: fields.competenceId ?? null,
    category: fields.category ?? null,
    comment: fields.comment ?? null,
    tutorialId: fields.tutorialId ?? null,
    at: Math.max(runtime.now(), latest + 1),
    deviceId: (await runtime.enrolment())?.deviceId ?? 'unenrolled',
    updatedAt: 0,
    _deleted: false,
  };
  // Strict durability, as for answers: once the student is told "signalé", it is on disk.
  await db.events.insert(doc);
  return doc;
}
