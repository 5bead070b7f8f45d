/**
 * JSON schema of a pushed learner event (problem report, tutorial saved/unsaved/useful, competence reset): the
 * fields of LearnerEventDocument as src/core/sync/document-specs.ts describes them, strictly. Each kind carries
 * what it needs and nulls elsewhere ([SYNC-EVENTS-2]).
 */
import { LEARNER_EVENT_SPEC } from '../../src/core/sync/document-specs.ts';
import { PROBLEM_CATEGORIES } from '../../src/core/sync/documents.ts';
import { pushSchemaOf } from './document-schemas.ts';

const isNull = { type: 'null' } as const;
const tutorialKinds = ['tutorial-saved', 'tutorial-unsaved', 'tutorial-useful'] as const;

/** The fields come from the document's one description ([DOC-1]); the rules per kind are the relay's own. */
export const learnerEventDocumentSchema = {
  ...pushSchemaOf(LEARNER_EVENT_SPEC),
  allOf: [
    {
      if: { properties: { kind: { const: 'problem-report' } } },
      then: { properties: { category: { enum: PROBLEM_CATEGORIES }, competenceId: isNull, tutorialId: isNull } },
    },
    {
      if: { properties: { kind: { enum: tutorialKinds } } },
      then: { properties: { tutorialId: { type: 'string' }, assessmentId: isNull, challengeId: isNull, competenceId: isNull, category: isNull, comment: isNull } },
    },
    {
      if: { properties: { kind: { const: 'competence-reset' } } },
      then: { properties: { competenceId: { type: 'string' }, assessmentId: isNull, challengeId: isNull, category: isNull, comment: isNull, tutorialId: isNull } },
    },
  ],
} as const;
