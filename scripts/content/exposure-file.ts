/**
 * content/exposure.json: the Sympson–Hetter table `cat calibrate` computed for the bank ([FLASH-11]).
 * content:check holds it to its schema and to the bank (every id a challenge, every K in (0, 1]) and warns
 * when the bank changed since the calibration; content:build embeds it in the pack (`pack.exposure`).
 * The file is optional: a bank without it (a test fixture) gives a pack without exposure control.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { canonicalJson } from '../../src/core/content/canonical-json.ts';
import type { UnversionedPack } from '../../src/core/content/compile.ts';
import type { DocPath } from '../../src/core/content/pack-origins.ts';
import type { PackExposure } from '../../src/core/content/types.ts';
import { flashItemsFromPack } from '../../src/core/flash/content-pack-items.ts';
import { checkExposureTable, toPackExposure } from '../../src/core/flash/exposure-table.ts';
import type { FlashItem } from '../../src/core/flash/flash-item.ts';
import { toRuleIssues } from '../../sync-server/content/ajv-issues.ts';
import { lazyValidator } from '../../sync-server/content/schema-validators.ts';
import type { Validated } from '../../sync-server/content/schema-validators.ts';
import { lineOfPath } from '../../sync-server/content/yaml-locator.ts';
import type { ContentError } from './content-error.ts';

export const EXPOSURE_FILE_NAME = 'exposure.json';

/** The file as `cat calibrate` prints it (content/schema/exposure.schema.json). */
export interface ExposureFile {
  target: number;
  examinees?: number;
  rounds?: { maxExposure: number }[];
  length?: number;
  seed?: string;
  /** bankFingerprint of the items calibrated. */
  bank?: string;
  eligibility: Record<string, number>;
}

const exposureValidator = lazyValidator<ExposureFile>('exposure.schema.json');

/** content/exposure.json against exposure.schema.json; issues have paths into it. */
export function validateExposureDocument(data: unknown): Validated<ExposureFile> {
  const validate = exposureValidator();
  return validate(data) ? { ok: true, value: data } : { ok: false, issues: toRuleIssues(validate.errors) };
}

export interface ExposureCheck {
  /** What the pack embeds; undefined when there is no file or it has errors. */
  exposure: PackExposure | undefined;
  errors: ContentError[];
  /** Problems that do not stop a build (a calibration older than the bank). */
  warnings: ContentError[];
}

/**
 * 16 hex digits of the SHA-256 of what calibration depends on: each item's id, a, b, tube, competence and
 * Internet flag (not its K). Another value means challenges or IRT parameters changed since the calibration.
 */
export function bankFingerprint(items: readonly FlashItem[]): string {
  const shape = items.map(({ id, a, b, competenceId, tubeId, requiresInternet }) => ({ id, a, b, competenceId, tubeId, requiresInternet: requiresInternet === true }));
  return createHash('sha256').update(canonicalJson(shape)).digest('hex').slice(0, 16);
}

/** `pack` is the compiled bank; `checkItems` false skips the cross-checks when the bank itself has errors. */
export function checkExposureFile(contentDir: string, displayFile: string, pack: UnversionedPack, checkItems: boolean): ExposureCheck {
  const path = join(contentDir, EXPOSURE_FILE_NAME);
  if (!existsSync(path)) return { exposure: undefined, errors: [], warnings: [] };
  const text = readFileSync(path, 'utf8');
  const lineCounter = new LineCounter();
  // JSON is YAML 1.2: the YAML parser gives positions for every path, and JSON.parse the exact values.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (docPath: DocPath, message: string): ContentError => ({ file: displayFile, line: lineOfPath(doc, lineCounter, docPath), message });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const line = doc.errors[0] ? lineCounter.linePos(doc.errors[0].pos[0]).line : null;
    return { exposure: undefined, errors: [{ file: displayFile, line, message: `JSON invalide : ${error instanceof Error ? error.message : String(error)}` }], warnings: [] };
  }
  const validated = validateExposureDocument(data);
  if (!validated.ok) return { exposure: undefined, errors: validated.issues.map((issue) => at(issue.path, issue.message)), warnings: [] };
  const table = validated.value;
  if (!checkItems) return { exposure: undefined, errors: [], warnings: [] };

  const errors = checkExposureTable(
    pack.challenges.map((challenge) => challenge.id),
    table.eligibility,
  ).map((issue) => at(issue.path, issue.message));
  if (errors.length > 0) return { exposure: undefined, errors, warnings: [] };
  const warnings: ContentError[] = [];
  if (table.bank !== bankFingerprint(flashItemsFromPack({ version: '', ...pack }, {}))) {
    warnings.push(
      at(['bank'], 'la banque a changé depuis ce calibrage (épreuves ou paramètres IRT) : le paquet garde ces paramètres, les nouvelles épreuves ont K = 1 ; recalibrer (content/FORMAT.md, « Exposure control »)'),
    );
  }
  return { exposure: toPackExposure(table.target, table.eligibility), errors: [], warnings };
}
