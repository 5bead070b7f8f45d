/**
 * The content pack import use case: a pack built elsewhere (JSON, as content:build writes it) or a simple
 * CSV of QCU/QCM questions, checked with the same schema and the same rules as the built-in bank. Nothing is
 * applied here: the caller stores the pack only when the result is ok. Errors name a line whenever one can
 * be found, because the person importing fixes the file in an editor or a spreadsheet.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { DocPath } from '../../src/core/content/pack-origins.ts';
import { checkAuthoredRules, checkPackRules } from '../../src/core/content/rules.ts';
import type { RuleIssue } from '../../src/core/content/rule-issue.ts';
import { parseSimpleCsv } from '../../src/core/content/simple-csv.ts';
import type { ContentPack } from '../../src/core/content/types.ts';
import type { AuthoredCompetence } from '../../src/core/content/authored-types.ts';
import { packVersion, withVersion } from './pack-version.ts';
import { validateCompetenceDocument, validatePackDocument } from './schema-validators.ts';
import { lineOfPath } from './yaml-locator.ts';

export interface PackImportError {
  /** 1-based line in the imported text, or null when the problem is not at one place. */
  line: number | null;
  message: string;
}

export type PackImportResult = { ok: true; pack: ContentPack } | { ok: false; errors: PackImportError[] };

export function validatePackImport(input: { format: 'json' | 'csv'; text: string }): PackImportResult {
  return input.format === 'json' ? importJson(input.text) : importCsv(input.text);
}

function importJson(text: string): PackImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ line: jsonSyntaxErrorLine(text, message), message: `JSON illisible : ${message}` }] };
  }
  const locate = jsonLocator(text);
  const schema = validatePackDocument(data);
  if (!schema.ok) return failed(schema.issues.map((issue) => locate(issue)));
  const pack = schema.value;
  const issues = checkPackRules(pack);
  const expected = packVersion(pack);
  if (pack.version !== expected) {
    issues.push({ path: ['version'], message: `la version ${pack.version} ne correspond pas au contenu (attendu : ${expected}) : le paquet a été modifié après sa construction` });
  }
  return issues.length > 0 ? failed(issues.map((issue) => locate(issue))) : { ok: true, pack };
}

function importCsv(text: string): PackImportResult {
  const parsed = parseSimpleCsv(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const errors: PackImportError[] = [];
  const competences: AuthoredCompetence[] = [];
  parsed.competences.forEach((competence, source) => {
    const result = validateCompetenceDocument(competence);
    if (result.ok) competences.push(result.value);
    else for (const issue of result.issues) errors.push({ line: parsed.lineOf(source, issue.path), message: issue.message });
  });
  if (errors.length > 0) return failed(errors);
  const { compiled, issues } = checkAuthoredRules(competences);
  if (issues.length > 0) return failed(issues.map((issue) => ({ line: parsed.lineOf(issue.source, issue.path), message: issue.message })));
  return { ok: true, pack: withVersion(compiled.pack) };
}

function failed(errors: PackImportError[]): PackImportResult {
  return { ok: false, errors: errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}

/** Positions are only worked out when there is something to report (a big pack parses in tenths of a second). */
function jsonLocator(text: string): (issue: RuleIssue) => PackImportError {
  let located: ((path: DocPath) => number | null) | null = null;
  return (issue) => {
    if (!located) {
      const lineCounter = new LineCounter();
      // JSON is YAML 1.2 syntax; duplicate keys were already resolved by JSON.parse, so tolerate them here.
      const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
      located = doc.errors.length > 0 ? () => null : (path) => lineOfPath(doc, lineCounter, path);
    }
    return { line: located(issue.path), message: issue.message };
  };
}

/**
 * V8 names a position ("at position 120") or, in newer versions, a line ("line 4 column 2"); some messages
 * name neither ("Unexpected token ','"), and then the YAML parser, which reads JSON too, usually can.
 */
function jsonSyntaxErrorLine(text: string, message: string): number | null {
  const line = /line (\d+)/.exec(message)?.[1];
  if (line) return Number(line);
  const position = /position (\d+)/.exec(message)?.[1];
  if (position) return text.slice(0, Number(position)).split('\n').length;
  if (text.trim() === '') return 1;
  return parseDocument(text).errors[0]?.linePos?.[0].line ?? null;
}
