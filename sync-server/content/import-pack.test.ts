import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBank } from '../../scripts/content/check-bank.ts';
import { packVersion, withVersion } from './pack-version.ts';
import { REPO_ROOT } from '../../scripts/content/repo-paths.ts';
import type { ContentPack } from '../../src/core/content/types.ts';
import { validatePackImport } from './import-pack.ts';

function validPack(): ContentPack {
  const { compiled, errors } = checkBank({ contentDir: join(REPO_ROOT, 'scripts/content/fixtures/valid'), root: REPO_ROOT });
  if (errors.length > 0) throw new Error('the valid fixture is broken');
  return withVersion(compiled.pack);
}

/** A pack as a person would edit it: indented JSON, with its version recomputed after the change. */
function packText(change: (pack: ContentPack) => void, options: { keepVersion?: boolean } = {}): string {
  const pack = validPack();
  change(pack);
  if (!options.keepVersion) pack.version = packVersion(pack);
  return JSON.stringify(pack, null, 2);
}

/** 1-based line of the first line matching `pattern` after the line matching `after`. */
function lineOf(text: string, after: RegExp, pattern: RegExp): number {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => after.test(line));
  const index = lines.findIndex((line, i) => i > start && pattern.test(line));
  if (start < 0 || index < 0) throw new Error(`no ${String(pattern)} after ${String(after)}`);
  return index + 1;
}

/** The CSV example of content/FORMAT.md, so the documented format is the one that imports. */
function documentedCsv(): string {
  const format = readFileSync(join(REPO_ROOT, 'content/FORMAT.md'), 'utf8');
  const block = /## Simple CSV import[\s\S]*?```csv\n([\s\S]*?)```/.exec(format)?.[1];
  if (!block) throw new Error('FORMAT.md has no CSV example');
  return block;
}

describe('validatePackImport, JSON', () => {
  it('accepts a pack as content:build writes it, compact or indented', () => {
    const pack = validPack();
    expect(validatePackImport({ format: 'json', text: JSON.stringify(pack) })).toEqual({ ok: true, pack });
    expect(validatePackImport({ format: 'json', text: JSON.stringify(pack, null, 2) })).toEqual({ ok: true, pack });
  });

  it('reports unreadable JSON with its line', () => {
    const result = validatePackImport({ format: 'json', text: '{\n  "version": "x",\n  "tubes": [,]\n}' });
    expect(result).toEqual({ ok: false, errors: [{ line: 3, message: expect.stringMatching(/^JSON illisible/) as unknown }] });
  });

  it('reports schema errors at their line', () => {
    const text = packText((pack) => {
      const challenge = pack.challenges[1];
      if (challenge) Object.assign(challenge, { type: 'QCX' });
    });
    const result = validatePackImport({ format: 'json', text });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toEqual({ line: lineOf(text, /"id": "fixture-mots-cles-1-b"/, /"type"/), message: expect.stringMatching(/type : « QCX » n'est pas permis/) as unknown });
  });

  it('reports broken rules (the same as for the built-in bank) at their line', () => {
    const text = packText((pack) => {
      const challenge = pack.challenges[0];
      if (challenge && 'solution' in challenge) challenge.solution = [9];
      pack.tutorials = [];
    });
    const result = validatePackImport({ format: 'json', text });
    expect(result).toEqual({
      ok: false,
      errors: [
        // A JSON tube has no `tutorials` key: the tube itself is pointed at, from its opening brace.
        { line: lineOf(text, /"tubes": \[/, /\{/), message: "le sujet @fixtureMotsCles n'a aucun tutoriel" },
        { line: lineOf(text, /"id": "fixture-mots-cles-1-a"/, /"solution"/), message: 'épreuve fixture-mots-cles-1-a : la solution 9 ne désigne aucune proposition (1 à 3)' },
      ],
    });
  });

  it('refuses an exposure table naming a challenge the pack does not have, or a parameter above 1', () => {
    const exposure = (eligibility: Record<string, number>): NonNullable<ContentPack['exposure']> => ({ target: 0.25, eligibility });
    const unknown = validatePackImport({ format: 'json', text: packText((pack) => void (pack.exposure = exposure({ 'no-such-challenge': 0.5 }))) });
    expect(unknown.ok ? [] : unknown.errors.map((e) => e.message)).toEqual([expect.stringContaining("« no-such-challenge » n'existe pas dans la banque")]);
    const tooHigh = validatePackImport({ format: 'json', text: packText((pack) => void (pack.exposure = exposure({ [pack.challenges[0]?.id ?? '']: 1.5 }))) });
    expect(tooHigh.ok ? [] : tooHigh.errors.map((e) => e.message)).toEqual([expect.stringContaining('1.5 doit être <= 1')]);
  });

  it('refuses a pack whose version is not the hash of its content', () => {
    const text = packText((pack) => {
      const tube = pack.tubes[0];
      if (tube) tube.title = 'Titre modifié à la main';
    }, { keepVersion: true });
    const result = validatePackImport({ format: 'json', text });
    expect(result).toEqual({ ok: false, errors: [{ line: 2, message: expect.stringMatching(/^la version [0-9a-f]{16} ne correspond pas au contenu \(attendu : [0-9a-f]{16}\)/) as unknown }] });
  });
});

describe('validatePackImport, CSV', () => {
  it('compiles the documented example into a pack of its own', () => {
    const result = validatePackImport({ format: 'csv', text: documentedCsv() });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { pack } = result;
    expect(pack.version).toBe(packVersion(pack));
    expect(pack.competences.map((c) => c.id)).toEqual(['1.1']);
    expect(pack.tubes.map((t) => t.id)).toEqual(['@motsCles']);
    expect(pack.skills.map((s) => s.id)).toEqual(['@motsCles1', '@motsCles2']);
    expect(pack.challenges.map((c) => [c.id, c.type, 'solution' in c ? c.solution : null])).toEqual([
      ['import-mots-cles-1-a', 'QCU', [3]],
      ['import-mots-cles-2-a', 'QCM', [1, 3]],
    ]);
    expect(pack.tutorials).toHaveLength(1);
    expect(pack.challenges[0]).toMatchObject({ locale: 'fr-fr', irt: { a: 1.2, b: -1.5 }, attachments: [] });
  });

  it('reports schema and rule errors at the line of the row', () => {
    const lines = documentedCsv().trimEnd().split('\n');
    const broken = [
      lines[0],
      lines[1]?.replace('import-mots-cles-1-a', 'Mauvais Identifiant'),
      lines[2]?.replace(';1,3;', ';1,2,3;'),
    ].join('\n');
    expect(validatePackImport({ format: 'csv', text: broken })).toEqual({
      ok: false,
      errors: [{ line: 2, message: expect.stringMatching(/^id : « Mauvais Identifiant » n'a pas la forme attendue/) as unknown }],
    });
    const wrongAnswers = [lines[0], lines[1]?.replace(';3;', ';4;'), lines[2]?.replace(';1,3;', ';1,2,3;')].join('\n');
    expect(validatePackImport({ format: 'csv', text: wrongAnswers })).toEqual({
      ok: false,
      errors: [
        { line: 2, message: 'épreuve import-mots-cles-1-a : la solution 4 ne désigne aucune proposition (1 à 3)' },
        { line: 3, message: 'épreuve import-mots-cles-2-a : une QCM ne peut pas avoir toutes les propositions pour solution' },
      ],
    });
  });

  it('passes on the line errors of the CSV reader', () => {
    const result = validatePackImport({ format: 'csv', text: 'competence;sujet\n1.1;@a' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.line).toBe(1);
  });
});
