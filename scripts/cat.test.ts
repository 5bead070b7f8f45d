import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { estimateAbility } from '../src/core/flash/ability-estimate.ts';
import { checkBlueprint } from '../src/core/flash/blueprint-check.ts';
import type { FlashItem } from '../src/core/flash/flash-item.ts';
import { COMPETENCE_IDS } from '../src/core/referential.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pixlab-cat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the CLI the way `npx tsx scripts/cat.ts` does (the local tsx binary, without npm's own output). */
function cat(args: string[], stdin = ''): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/cat.ts', ...args], { cwd: root, input: stdin, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** 16 competences × 3 tubes × 2 items, in the CLI's bank file shape. */
const bankItems = COMPETENCE_IDS.flatMap((competence, c) =>
  [0, 1, 2].flatMap((t) => [0, 1].map((k) => ({ id: `q${c}-${t}-${k}`, a: 0.8 + ((c + t + k) % 5) * 0.25, b: ((c * 3 + t * 2 + k) % 9) * 0.5 - 2, competence, tube: `@t${c}-${t}` }))),
);
const asFlashItem = (entry: (typeof bankItems)[number]): FlashItem => ({ id: entry.id, a: entry.a, b: entry.b, competenceId: entry.competence, tubeId: entry.tube });
function itemOf(byId: ReadonlyMap<string, FlashItem>, id: string): FlashItem {
  const item = byId.get(id);
  if (!item) throw new Error(`simulate printed an item that is not in the bank: ${id}`);
  return item;
}
const bankPath = file('bank.json', JSON.stringify(bankItems));
const thetasPath = file('thetas.json', JSON.stringify([-1.2, 0, 0.4, 2]));

function expectUsageError(result: ReturnType<typeof cat>, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(message);
}

describe('cat simulate', () => {
  it('[FLASH-15] prints one JSON examinee per theta, with the blueprint held and the length asked', () => {
    const result = cat(['simulate', '--bank', bankPath, '--thetas', thetasPath, '--length', '20', '--seed', '7']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const output = JSON.parse(result.stdout) as { examinees: { theta: number; estimate: number; sem: number; items: string[] }[] };
    expect(Object.keys(output)).toEqual(['examinees']);
    expect(output.examinees.map((e) => e.theta)).toEqual([-1.2, 0, 0.4, 2]);
    const byId = new Map(bankItems.map((entry) => [entry.id, asFlashItem(entry)]));
    for (const examinee of output.examinees) {
      expect(Object.keys(examinee)).toEqual(['theta', 'estimate', 'sem', 'items']);
      expect(examinee.items).toHaveLength(20);
      expect(checkBlueprint(examinee.items.map((id) => itemOf(byId, id)))).toEqual([]);
      expect(examinee.sem).toBeGreaterThan(0);
    }
    const again = cat(['simulate', '--seed', '7', '--length', '20', '--thetas', thetasPath, '--bank', bankPath]);
    expect(again.stdout).toBe(result.stdout);
  });

  it('[FLASH-11] applies an exposure table made by calibrate', () => {
    const calibration = cat(['calibrate', '--bank', bankPath, '--examinees', '60', '--rounds', '2', '--length', '20', '--target', '0.3']);
    expect(calibration.code).toBe(0);
    const table = JSON.parse(calibration.stdout) as { target: number; eligibility: Record<string, number> };
    expect(table.target).toBe(0.3);
    expect(Object.keys(table.eligibility).sort()).toEqual(bankItems.map((entry) => entry.id).sort());
    const exposurePath = file('exposure.json', calibration.stdout);
    const withTable = cat(['simulate', '--bank', bankPath, '--thetas', thetasPath, '--seed', '7', '--exposure', exposurePath]);
    const without = cat(['simulate', '--bank', bankPath, '--thetas', thetasPath, '--seed', '7']);
    expect(withTable.code).toBe(0);
    expect(withTable.stdout).not.toBe(without.stdout);
  });

  it('reads the built content pack with --bank shipped, or says it is not built', () => {
    const result = cat(['simulate', '--bank', 'shipped', '--thetas', thetasPath, '--length', '32', '--seed', 's']);
    if (existsSync(join(root, 'public', 'content', 'manifest.json'))) {
      expect(result.code).toBe(0);
      expect((JSON.parse(result.stdout) as { examinees: unknown[] }).examinees).toHaveLength(4);
    } else {
      expectUsageError(result, /^cat: content pack not built: run npm run content:build$/m);
    }
  });
});

describe('cat estimate', () => {
  it('[FLASH-12] prints the EAP estimate and SEM of the answers on stdin', () => {
    const items = [
      { a: 1.2, b: -0.5 },
      { a: 1.6, b: 0.3 },
      { a: 0.9, b: 1.1 },
    ];
    const result = cat(['estimate'], JSON.stringify({ items, responses: [1, 1, 0] }));
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { estimate: number; sem: number };
    expect(Object.keys(output)).toEqual(['estimate', 'sem']);
    expect(output).toEqual(estimateAbility(items.map((item, k) => ({ ...item, correct: k < 2 }))));
  });
});

describe('cat errors: one line on stderr, exit code 2', () => {
  const badBank = file('bad-bank.json', JSON.stringify([{ id: 'x', a: -1, b: 0, competence: '1.1', tube: '@t' }]));
  const badCompetence = file('bad-competence.json', JSON.stringify([{ id: 'x', a: 1, b: 0, competence: '9.9', tube: '@t' }]));
  const notJson = file('not-json.json', '[{"id": ');
  const badThetas = file('bad-thetas.json', JSON.stringify([0, 'high']));
  const twoCompetences = file('tube-two-competences.json', JSON.stringify([{ id: 'x', a: 1, b: 0, competence: '1.1', tube: '@t' }, { id: 'y', a: 1, b: 0, competence: '1.2', tube: '@t' }]));
  const simulate = (...args: string[]) => ['simulate', '--bank', bankPath, '--thetas', thetasPath, '--seed', '1', ...args];

  it.each([
    ['no command', [], /usage: cat simulate\|estimate\|calibrate/],
    ['an unknown command', ['analyse'], /unknown command "analyse"/],
    ['a missing --bank', ['simulate', '--thetas', thetasPath, '--seed', '1'], /missing option --bank/],
    ['a missing --seed', ['simulate', '--bank', bankPath, '--thetas', thetasPath], /missing option --seed/],
    ['an unknown option', simulate('--speed', 'fast'), /unknown option --speed/],
    ['an option without value', simulate('--length'), /option --length needs a value/],
    ['a length that is not a positive integer', simulate('--length', '0'), /--length must be an integer from 1/],
    ['a length that is not a number', simulate('--length', 'abc'), /--length must be an integer/],
    ['an unreadable bank file', ['simulate', '--bank', join(dir, 'missing.json'), '--thetas', thetasPath, '--seed', '1'], /cannot read bank file .*missing\.json: ENOENT/],
    ['a bank file that is not JSON', ['simulate', '--bank', notJson, '--thetas', thetasPath, '--seed', '1'], /bank file .*not-json\.json is not valid JSON/],
    ['a bank item with a bad a', ['simulate', '--bank', badBank, '--thetas', thetasPath, '--seed', '1'], /item 0: "a" must be a number > 0/],
    ['a bank item with an unknown competence', ['simulate', '--bank', badCompetence, '--thetas', thetasPath, '--seed', '1'], /"competence" must be a CRCN competence id/],
    ['a tube in two competences', ['simulate', '--bank', twoCompetences, '--thetas', thetasPath, '--seed', '1'], /invalid bank: tube "@t" belongs to two competences/],
    ['thetas that are not numbers', ['simulate', '--bank', bankPath, '--thetas', badThetas, '--seed', '1'], /thetas file .* must be a JSON array of numbers/],
    ['a bad calibration target', ['calibrate', '--bank', bankPath, '--target', '1.5'], /--target must be a number in \(0, 1\]/],
  ])('%s', (_, args, message) => {
    expectUsageError(cat(args), message);
  });

  it.each([
    ['input that is not JSON', 'not json', /standard input is not valid JSON/],
    ['responses that do not match the items', JSON.stringify({ items: [{ a: 1, b: 0 }], responses: [1, 0] }), /1 items but 2 responses/],
    ['a response that is not 0 or 1', JSON.stringify({ items: [{ a: 1, b: 0 }], responses: [2] }), /response 0 must be 0 or 1/],
    ['an item without b', JSON.stringify({ items: [{ a: 1 }], responses: [1] }), /item 0 must be \{"a": number in \(0, 10\], "b": number in \[-10, 10\]\}/],
    ['an item with a too large', JSON.stringify({ items: [{ a: 40, b: 0 }], responses: [1] }), /item 0 must be \{"a": number in \(0, 10\]/],
    ['the wrong shape', JSON.stringify([1, 0]), /input must be \{"items"/],
  ])('estimate with %s', (_, stdin, message) => {
    expectUsageError(cat(['estimate'], stdin), message);
  });
});
