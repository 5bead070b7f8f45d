/**
 * RxDB schemas of the lab machine's replicated collections (few, as RxDB's free storage opens at most ~13), derived
 * from the one description of each document in src/core/sync/document-specs.ts ([DOC-1]), from which the relay's
 * push validation comes too. `updatedAt` is 0 until the relay has stored the document: that is how a machine
 * counts what it still has to send.
 *
 * Version 0: the answer (`online`) and assessment (`priorChallengeIds`) fields of the replay ([REPLAY-1],
 * [REPLAY-2]) were added without a version bump, because nothing is deployed yet and a migration would have to
 * invent the flags of answers already sent (their relay copy would then differ: false conflicts).
 */
import type { RxJsonSchema } from 'rxdb/plugins/core';
import type { DocumentSpec, FieldSpec } from '../../src/core/sync/document-specs.ts';
import { ANSWER_SPEC, ASSESSMENT_SPEC, CAMPAIGN_SPEC, CERTIFICATION_SESSION_SPEC, fieldNames, LEARNER_SPEC } from '../../src/core/sync/document-specs.ts';
import type { AnswerDocument, AssessmentDocument, CampaignDocument, CertificationSessionDocument, DocumentBase, LearnerDocument } from '../../src/core/sync/documents.ts';

/** RxDB writes null as a second type (its own convention); Ajv on the relay says `anyOf` (see document-schemas.ts). */
function rxProperty(field: FieldSpec): object {
  if (!field.nullable) return field.schema;
  const { type, ...rest } = field.schema;
  return { ...rest, type: [type, 'null'] };
}

export function rxSchemaOf<T extends DocumentBase>(spec: DocumentSpec<T>): RxJsonSchema<T> {
  const names = fieldNames(spec);
  const properties = Object.fromEntries(names.map((name) => [name, rxProperty(spec.fields[name])]));
  // RxDB owns `_deleted` (it adds it to every schema and requires it); listing it as required too is harmless.
  const required = names.filter((name) => !spec.fields[name].optional);
  return {
    title: spec.collection,
    version: 0,
    primaryKey: 'id',
    type: 'object',
    // RxDB types `properties` per key of T; the spec's mapped type already guarantees exactly those keys.
    properties: properties as RxJsonSchema<T>['properties'],
    required,
    indexes: spec.indexes.map((index) => (typeof index === 'string' ? index : [...index])),
  } as RxJsonSchema<T>;
}

export const answerSchema: RxJsonSchema<AnswerDocument> = rxSchemaOf(ANSWER_SPEC);
export const assessmentSchema: RxJsonSchema<AssessmentDocument> = rxSchemaOf(ASSESSMENT_SPEC);
export const learnerSchema: RxJsonSchema<LearnerDocument> = rxSchemaOf(LEARNER_SPEC);
export const campaignSchema: RxJsonSchema<CampaignDocument> = rxSchemaOf(CAMPAIGN_SPEC);
/** [CERT-1] pull-only: sessions and their candidates, for the candidate side of a lab machine. */
export const certificationSessionSchema: RxJsonSchema<CertificationSessionDocument> = rxSchemaOf(CERTIFICATION_SESSION_SPEC);
