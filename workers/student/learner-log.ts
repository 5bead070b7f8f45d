/**
 * One learner's part of the machine's log: their assessments, the answers of those, their events. Answers are
 * fetched by assessment (an indexed query), never by scanning the whole school's log the machine holds.
 */
import type { AnswerDocument, AssessmentDocument, LearnerEventDocument } from '../../src/core/sync/documents.ts';
import type { LabDatabase } from '../db/lab-database.ts';

export async function learnerAssessments(db: LabDatabase, learnerId: string): Promise<AssessmentDocument[]> {
  const docs = await db.assessments.find({ selector: { learnerId, _deleted: false } }).exec();
  return docs.map((d) => d.toJSON() as AssessmentDocument);
}

export async function answersOf(db: LabDatabase, assessmentIds: readonly string[]): Promise<Map<string, AnswerDocument[]>> {
  const byAssessment = new Map<string, AnswerDocument[]>(assessmentIds.map((id) => [id, []]));
  if (assessmentIds.length === 0) return byAssessment;
  const docs = await db.answers.find({ selector: { assessmentId: { $in: [...assessmentIds] } } }).exec();
  for (const doc of docs) byAssessment.get(doc.assessmentId)?.push(doc.toJSON() as AnswerDocument);
  return byAssessment;
}

export async function learnerEvents(db: LabDatabase, learnerId: string): Promise<LearnerEventDocument[]> {
  const docs = await db.events.find({ selector: { learnerId, _deleted: false } }).exec();
  return docs.map((d) => d.toJSON() as LearnerEventDocument);
}

/** The assessment if it exists and is this learner's; 'not-yours' for another learner's; null if unknown. */
export async function ownAssessment(db: LabDatabase, assessmentId: string, learnerId: string): Promise<AssessmentDocument | 'not-yours' | null> {
  const doc = await db.assessments.findOne(assessmentId).exec();
  if (!doc) return null;
  return doc.learnerId === learnerId ? (doc.toJSON() as AssessmentDocument) : 'not-yours';
}
