/**
 * The lab machine's database (RxDB): the answer log, assessments, and what the machine needs offline (roster,
 * campaigns). Owned by the engine worker; nothing else imports RxDB. The storage is handed in: Dexie over
 * IndexedDB with strict transaction durability in the browser, memory in Node tests.
 */
import { createRxDatabase } from 'rxdb/plugins/core';
import type { RxCollection, RxDatabase, RxStorage } from 'rxdb/plugins/core';
import type { AnswerDocument, AssessmentDocument, CampaignDocument, LearnerDocument, LearnerEventDocument } from '../../src/core/sync/documents.ts';
import { assessmentConflictHandler, relayWins } from './conflicts.ts';
import { learnerEventSchema } from './event-schema.ts';
import { answerSchema, assessmentSchema, campaignSchema, learnerSchema } from './schemas.ts';

export interface LabCollections {
  answers: RxCollection<AnswerDocument>;
  assessments: RxCollection<AssessmentDocument>;
  learners: RxCollection<LearnerDocument>;
  campaigns: RxCollection<CampaignDocument>;
  /** Problem reports, tutorials saved or marked useful, competence resets: append-only, like answers. */
  events: RxCollection<LearnerEventDocument>;
}

export type LabDatabase = RxDatabase<LabCollections>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxDB's storage type is generic over internals
export type AnyRxStorage = RxStorage<any, any>;

/**
 * `only`: open just these collections. For Node tests that run several machines in one process: RxDB's free version
 * opens at most 13 collections per process, across databases. The app opens them all; the replication replicates
 * the collections the database has.
 */
export async function openLabDatabase(options: { name: string; storage: AnyRxStorage; multiInstance: boolean; only?: readonly (keyof LabCollections)[] }): Promise<LabDatabase> {
  const db = await createRxDatabase<LabCollections>({
    name: options.name,
    storage: options.storage,
    multiInstance: options.multiInstance,
    // Two tabs of one machine share one database (one worker each); RxDB keeps their views consistent.
  });
  const collections = {
    answers: { schema: answerSchema, conflictHandler: relayWins<AnswerDocument>() },
    assessments: { schema: assessmentSchema, conflictHandler: assessmentConflictHandler },
    learners: { schema: learnerSchema, conflictHandler: relayWins<LearnerDocument>() },
    campaigns: { schema: campaignSchema, conflictHandler: relayWins<CampaignDocument>() },
    events: { schema: learnerEventSchema, conflictHandler: relayWins<LearnerEventDocument>() },
  };
  const only = options.only;
  await db.addCollections(only ? Object.fromEntries(Object.entries(collections).filter(([name]) => only.includes(name as keyof LabCollections))) : collections);
  return db;
}
