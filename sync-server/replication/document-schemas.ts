/**
 * JSON schemas of the documents clients push (and, for OpenAPI, of what they pull), derived from the one
 * description of each document in src/core/sync/document-specs.ts ([DOC-1]), from which the lab machine's RxDB
 * schemas come too. Pushed documents may omit `updatedAt` (the relay sets it); anything not listed is refused so
 * that a typo cannot slip into the log.
 */
import type { DocumentSpec, FieldSpec } from '../../src/core/sync/document-specs.ts';
import { ANSWER_SPEC, ASSESSMENT_SPEC, fieldNames } from '../../src/core/sync/document-specs.ts';
import type { DocumentBase } from '../../src/core/sync/documents.ts';

/** Ajv says "may be null" with anyOf (a union `type` would need Ajv's allowUnionTypes). */
function pushProperty(field: FieldSpec): object {
  return field.nullable ? { anyOf: [field.schema, { type: 'null' }] } : field.schema;
}

export function pushSchemaOf<T extends DocumentBase>(spec: DocumentSpec<T>): { type: 'object'; required: string[]; additionalProperties: false; properties: Record<string, object> } {
  const names = fieldNames(spec);
  return {
    type: 'object',
    required: names.filter((name) => !spec.fields[name].optional && !spec.fields[name].serverSet),
    additionalProperties: false,
    properties: Object.fromEntries(names.map((name) => [name, pushProperty(spec.fields[name])])),
  };
}

export const answerDocumentSchema = pushSchemaOf(ANSWER_SPEC);
export const assessmentDocumentSchema = pushSchemaOf(ASSESSMENT_SPEC);

/** Pull-only collections are described loosely: the relay writes them itself. */
export const serverDocumentSchema = {
  type: 'object',
  required: ['id', 'updatedAt', '_deleted'],
  additionalProperties: true,
  properties: { id: { type: 'string' }, updatedAt: { type: 'number' }, _deleted: { type: 'boolean' } },
} as const;
