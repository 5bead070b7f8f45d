/**
 * The files the psychometrics CLI reads, checked shape by shape: a bank file (JSON array of
 * {"id","a","b","competence","tube"}), a thetas file (JSON array of numbers), an exposure table (what
 * `calibrate` prints), the built content pack (`--bank shipped`) and the `estimate` input.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentPack } from '../../src/core/content/types.ts';
import { flashItemsFromPack } from '../../src/core/flash/content-pack-items.ts';
import { InvalidBankError } from '../../src/core/flash/flash-bank.ts';
import type { FlashItem } from '../../src/core/flash/flash-item.ts';
import { isSupportedItem, MAX_ABS_DIFFICULTY, MAX_DISCRIMINATION } from '../../src/core/flash/irt.ts';
import { isCompetenceId } from '../../src/core/referential.ts';
import { CliError } from './cli-error.ts';

/** Read and parse a JSON file; `what` names it in errors ("bank file"). */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${what} ${path}: ${error instanceof Error && 'code' in error ? String(error.code) : 'unreadable'}`);
  }
  return parseJson(text, `${what} ${path}`);
}

export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${what} is not valid JSON: ${error instanceof Error ? error.message.split('\n')[0] : 'parse error'}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A bank file: a non-empty array of {"id","a","b","competence","tube"}. */
export function parseBank(json: unknown, what: string): FlashItem[] {
  if (!Array.isArray(json) || json.length === 0) throw new CliError(`${what} must be a non-empty JSON array of items`);
  return json.map((entry: unknown, k): FlashItem => {
    const where = `${what} item ${k}`;
    if (!isRecord(entry)) throw new CliError(`${where} must be an object`);
    const { id, a, b, competence, tube } = entry;
    if (typeof id !== 'string' || id === '') throw new CliError(`${where}: "id" must be a non-empty string`);
    if (!isFiniteNumber(a) || a <= 0) throw new CliError(`${where}: "a" must be a number > 0`);
    if (!isFiniteNumber(b)) throw new CliError(`${where}: "b" must be a number`);
    if (typeof competence !== 'string' || !isCompetenceId(competence)) {
      throw new CliError(`${where}: "competence" must be a CRCN competence id ("1.1" … "5.2")`);
    }
    if (typeof tube !== 'string' || tube === '') throw new CliError(`${where}: "tube" must be a non-empty string`);
    return { id, a, b, competenceId: competence, tubeId: tube };
  });
}

/** A thetas file: a JSON array of finite numbers. */
export function parseThetas(json: unknown, what: string): number[] {
  if (!Array.isArray(json) || !json.every(isFiniteNumber)) throw new CliError(`${what} must be a JSON array of numbers`);
  return json;
}

/** An exposure table: {"eligibility": {"<item id>": K in (0, 1]}} (the output of `calibrate`). */
export function parseExposureTable(json: unknown, what: string): Record<string, number> {
  const table = isRecord(json) ? json.eligibility : undefined;
  if (!isRecord(table)) throw new CliError(`${what} must be an object with an "eligibility" object`);
  const result: Record<string, number> = {};
  for (const [id, k] of Object.entries(table)) {
    if (!isFiniteNumber(k) || k <= 0 || k > 1) throw new CliError(`${what}: eligibility of "${id}" must be a number in (0, 1]`);
    result[id] = k;
  }
  return result;
}

/** The `estimate` input: {"items":[{"a","b"}…],"responses":[0|1…]} with as many responses as items. */
export function parseEstimateInput(json: unknown): { a: number; b: number; correct: boolean }[] {
  if (!isRecord(json) || !Array.isArray(json.items) || !Array.isArray(json.responses)) {
    throw new CliError('input must be {"items":[{"a","b"}…],"responses":[0|1…]}');
  }
  const { items, responses } = json;
  if (items.length !== responses.length) {
    throw new CliError(`input has ${items.length} items but ${responses.length} responses`);
  }
  return items.map((item: unknown, k) => {
    if (!isRecord(item) || !isFiniteNumber(item.a) || !isFiniteNumber(item.b) || !isSupportedItem(item.a, item.b)) {
      throw new CliError(`input item ${k} must be {"a": number in (0, ${MAX_DISCRIMINATION}], "b": number in [-${MAX_ABS_DIFFICULTY}, ${MAX_ABS_DIFFICULTY}]}`);
    }
    const response: unknown = responses[k];
    if (response !== 0 && response !== 1) throw new CliError(`input response ${k} must be 0 or 1`);
    return { a: item.a, b: item.b, correct: response === 1 };
  });
}

/**
 * The built content pack as flash items (`--bank shipped`): public/content/manifest.json, then the pack
 * at public/<url>, each item with the K of the pack's exposure table (`pack.exposure`), as the worker and
 * the relay select. Only what the conversion reads is checked here; `npm run content:check` checks the rest.
 */
export function loadShippedBank(root: string): FlashItem[] {
  const manifestPath = join(root, 'public', 'content', 'manifest.json');
  if (!existsSync(manifestPath)) throw new CliError('content pack not built: run npm run content:build');
  const manifest = readJsonFile(manifestPath, 'content manifest');
  const url: unknown = isRecord(manifest) ? manifest.url : undefined;
  if (typeof url !== 'string') throw new CliError(`content manifest ${manifestPath} has no "url"`);
  const packPath = join(root, 'public', url.replace(/^\/+/, ''));
  if (!existsSync(packPath)) throw new CliError('content pack not built: run npm run content:build');
  const pack = readJsonFile(packPath, 'content pack');
  if (!isRecord(pack) || !Array.isArray(pack.challenges) || !Array.isArray(pack.skills) || !Array.isArray(pack.tubes)) {
    throw new CliError(`content pack ${packPath} lacks challenges, skills or tubes`);
  }
  try {
    // The pack was written by content:build from checked sources: its shape is the ContentPack contract.
    // Its exposure table, when present, gives each item its K (createFlashBank then checks the range).
    return flashItemsFromPack(pack as unknown as ContentPack);
  } catch (error) {
    if (error instanceof InvalidBankError) throw new CliError(`content pack ${packPath}: ${error.message}`);
    throw error;
  }
}
