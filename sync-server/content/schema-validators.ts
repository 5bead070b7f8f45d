/**
 * Ajv validators of content/schema/*.json, each compiled once per process and only when first needed
 * (compiling costs more than validating a whole bank). Node side only: Ajv generates code with
 * `new Function`, which the app's Content-Security-Policy and src/core's purity rule out in the browser.
 * The relay's pack import uses them at run time, so they live here; the content scripts import them from here.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { AuthoredCompetence } from '../../src/core/content/authored-types.ts';
import type { RuleIssue } from '../../src/core/content/rule-issue.ts';
import type { ContentPack } from '../../src/core/content/types.ts';
import { toRuleIssues } from './ajv-issues.ts';

const SCHEMA_DIR = new URL('../../content/schema/', import.meta.url);

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: RuleIssue[] };

/** A validator of one file of content/schema/, compiled on first use. */
export function lazyValidator<T>(schemaFile: string): () => ValidateFunction<T> {
  let validate: ValidateFunction<T> | null = null;
  return () => {
    if (validate) return validate;
    // verbose: errors carry the offending value, which the messages quote. strictRequired is off because
    // the per-type `then` branches require properties declared once at the challenge level.
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, verbose: true });
    addFormats(ajv, ['uri']);
    const schema = JSON.parse(readFileSync(new URL(schemaFile, SCHEMA_DIR), 'utf8')) as object;
    validate = ajv.compile<T>(schema);
    return validate;
  };
}

const competenceValidator = lazyValidator<AuthoredCompetence>('competence.schema.json');
const packValidator = lazyValidator<ContentPack>('pack.schema.json');

/** One authored competence document against competence.schema.json; issues have paths into it. */
export function validateCompetenceDocument(data: unknown): Validated<AuthoredCompetence> {
  const validate = competenceValidator();
  return validate(data) ? { ok: true, value: data } : { ok: false, issues: toRuleIssues(validate.errors) };
}

/** A compiled pack against pack.schema.json; issues have paths into it. */
export function validatePackDocument(data: unknown): Validated<ContentPack> {
  const validate = packValidator();
  return validate(data) ? { ok: true, value: data } : { ok: false, issues: toRuleIssues(validate.errors) };
}
