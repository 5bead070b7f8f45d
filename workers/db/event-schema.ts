/**
 * RxDB schema of the learner events collection (problem reports, tutorials, competence resets): append-only like
 * answers. Derived from the one description of the document (src/core/sync/document-specs.ts, [DOC-1]), as the
 * relay's validation is (sync-server/replication/event-document-schema.ts).
 */
import type { RxJsonSchema } from 'rxdb/plugins/core';
import { LEARNER_EVENT_SPEC } from '../../src/core/sync/document-specs.ts';
import type { LearnerEventDocument } from '../../src/core/sync/documents.ts';
import { rxSchemaOf } from './schemas.ts';

export const learnerEventSchema: RxJsonSchema<LearnerEventDocument> = rxSchemaOf(LEARNER_EVENT_SPEC);
