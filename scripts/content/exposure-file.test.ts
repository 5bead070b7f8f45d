/**
 * content/exposure.json through content:check and content:build ([FLASH-11]): held to its schema and to the
 * bank, embedded in the pack as `exposure` (and so in its version), a warning when the bank moved on.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { flashItemsFromPack } from '../../src/core/flash/content-pack-items.ts';
import { checkBank } from './check-bank.ts';
import { bankFingerprint } from './exposure-file.ts';
import { packVersion, withVersion } from '../../sync-server/content/pack-version.ts';
import { REPO_ROOT } from './repo-paths.ts';
import { validatePackDocument } from '../../sync-server/content/schema-validators.ts';

const VALID = join(REPO_ROOT, 'scripts/content/fixtures/valid');
const IDS = ['fixture-mots-cles-1-a', 'fixture-mots-cles-1-b', 'fixture-mots-cles-2-a', 'fixture-mots-cles-2-b', 'fixture-mots-cles-2-c'];

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The valid fixture bank with an exposure.json holding `text`. */
function bankWith(text: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'exposure-file-'));
  made.push(dir);
  cpSync(VALID, dir, { recursive: true });
  if (text !== null) writeFileSync(join(dir, 'exposure.json'), text);
  return dir;
}

const plain = checkBank({ contentDir: VALID, root: REPO_ROOT });
const fingerprint = bankFingerprint(flashItemsFromPack(withVersion(plain.compiled.pack)));

/** What `cat calibrate` prints, one K per line. */
function table(eligibility: Record<string, number>, bank = fingerprint): string {
  return `${JSON.stringify({ target: 0.2, examinees: 2000, rounds: [{ maxExposure: 1 }], length: 32, seed: 's', bank, eligibility }, null, 2)}\n`;
}

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('content/exposure.json in checkBank', () => {
  it('is optional: without it the pack has no exposure table and its version does not change', () => {
    const result = checkBank({ contentDir: bankWith(null), root: REPO_ROOT });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.compiled.pack.exposure).toBeUndefined();
    expect(packVersion(result.compiled.pack)).toBe(packVersion(plain.compiled.pack));
  });

  it('[FLASH-11] is embedded in the pack as exposure, K below 1 only, and changes the pack version', () => {
    const eligibility = Object.fromEntries(IDS.map((id, k) => [id, k === 1 ? 0.35 : 1]));
    const result = checkBank({ contentDir: bankWith(table(eligibility)), root: REPO_ROOT });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.compiled.pack.exposure).toEqual({ target: 0.2, eligibility: { 'fixture-mots-cles-1-b': 0.35 } });
    const pack = withVersion(result.compiled.pack);
    expect(pack.version).not.toBe(packVersion(plain.compiled.pack));
    expect(flashItemsFromPack(pack).find((item) => item.id === 'fixture-mots-cles-1-b')?.eligibility).toBe(0.35);
    expect(validatePackDocument(JSON.parse(JSON.stringify(pack))).ok).toBe(true);
  });

  it('[FLASH-11] refuses a challenge the bank does not have, at its line', () => {
    const text = table({ 'fixture-mots-cles-1-a': 0.5, 'fixture-retiree-9-z': 0.4 });
    const dir = bankWith(text);
    const result = checkBank({ contentDir: dir, root: REPO_ROOT });
    expect(result.errors).toEqual([
      { file: expect.stringMatching(/exposure\.json$/) as unknown, line: lineOf(text, 'fixture-retiree-9-z'), message: expect.stringMatching(/l'épreuve « fixture-retiree-9-z » n'existe pas dans la banque/) as unknown },
    ]);
    expect(result.compiled.pack.exposure).toBeUndefined();
  });

  it('[FLASH-11] refuses a K outside (0, 1], at its line', () => {
    const text = table({ 'fixture-mots-cles-1-a': 0, 'fixture-mots-cles-2-a': 1.2 });
    const result = checkBank({ contentDir: bankWith(text), root: REPO_ROOT });
    expect(result.errors.map((error) => [error.line, error.message])).toEqual([
      [lineOf(text, 'fixture-mots-cles-1-a'), 'fixture-mots-cles-1-a : 0 doit être > 0'],
      [lineOf(text, 'fixture-mots-cles-2-a'), 'fixture-mots-cles-2-a : 1.2 doit être <= 1'],
    ]);
  });

  it('refuses a file that is not JSON', () => {
    const result = checkBank({ contentDir: bankWith('{ "target": 0.2,\n  "eligibility": {\n'), root: REPO_ROOT });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toMatch(/^JSON invalide : /);
  });

  it('warns, without failing, when the bank changed since the calibration', () => {
    const text = table({ 'fixture-mots-cles-1-a': 0.5 }, '0123456789abcdef');
    const result = checkBank({ contentDir: bankWith(text), root: REPO_ROOT });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([{ file: expect.stringMatching(/exposure\.json$/) as unknown, line: lineOf(text, '"bank"'), message: expect.stringMatching(/la banque a changé depuis ce calibrage/) as unknown }]);
    expect(result.compiled.pack.exposure?.eligibility).toEqual({ 'fixture-mots-cles-1-a': 0.5 });
  });

  it('npm run content:check prints the warning on stderr and exits 0', () => {
    const dir = bankWith(table({ 'fixture-mots-cles-1-a': 0.5 }, '0123456789abcdef'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/content-check.ts', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^attention : .*exposure\.json:\d+: la banque a changé/m);
    expect(run.stdout).toMatch(/^Contenu valide : /);
  });
});

describe('pack.schema.json and the exposure table', () => {
  const pack = withVersion(plain.compiled.pack);
  it('accepts a pack with an exposure table and refuses a K outside (0, 1]', () => {
    expect(validatePackDocument({ ...pack, exposure: { target: 0.2, eligibility: { 'fixture-mots-cles-1-a': 0.3 } } }).ok).toBe(true);
    const bad = validatePackDocument({ ...pack, exposure: { target: 0.2, eligibility: { 'fixture-mots-cles-1-a': 1.5 } } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]?.path).toEqual(['exposure', 'eligibility', 'fixture-mots-cles-1-a']);
  });
});

describe('the real bank', () => {
  it('[FLASH-11] ships content/exposure.json in its pack', () => {
    const real = checkBank({ contentDir: join(REPO_ROOT, 'content'), root: REPO_ROOT });
    const shipped = JSON.parse(readFileSync(join(REPO_ROOT, 'content', 'exposure.json'), 'utf8')) as { target: number };
    expect(real.errors).toEqual([]);
    expect(real.compiled.pack.exposure?.target).toBe(shipped.target);
    expect(Object.keys(real.compiled.pack.exposure?.eligibility ?? {}).length).toBeGreaterThan(0);
  });
});
