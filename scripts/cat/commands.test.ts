/**
 * `cat` on the shipped pack, in process with a made-up repository root: the pack's own exposure table is what
 * `simulate --bank shipped` selects with ([FLASH-10], [FLASH-11]), as the worker and the relay do.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Challenge, ContentPack } from '../../src/core/content/types.ts';
import { flashItemsFromPack } from '../../src/core/flash/content-pack-items.ts';
import { COMPETENCE_IDS } from '../../src/core/referential.ts';
import { bankFingerprint } from '../content/exposure-file.ts';
import { calibrateCommand, simulateCommand } from './commands.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function challenge(id: string, skillId: string, a: number, b: number): Challenge {
  return {
    id, skillId, type: 'QCU', instruction: 'Question', locale: 'fr-fr', focused: false, requiresInternet: false, attachments: [],
    irt: { a, b }, tolerances: ['T1', 'T2', 'T3'], explanation: '', proposals: ['oui', 'non'], solution: [1],
  };
}

/** 16 competences × 2 tubes × 2 challenges; "c0-t0-a" is the most informative item at θ = 0. */
function pack(exposure?: ContentPack['exposure']): ContentPack {
  const tubes = COMPETENCE_IDS.flatMap((competenceId, c) => [0, 1].map((t) => ({ id: `@t${c}x${t}`, competenceId, title: 'Sujet', description: '' })));
  const skills = tubes.map((tube) => ({ id: `${tube.id}3`, tubeId: tube.id, level: 3, hint: '' }));
  const challenges = skills.flatMap((skill, s) => [challenge(`c${Math.floor(s / 2)}-t${s % 2}-a`, skill.id, s === 0 ? 2 : 1.2, 0), challenge(`c${Math.floor(s / 2)}-t${s % 2}-b`, skill.id, 1, 0.5)]);
  return { version: 'test', competences: [], tubes, skills, challenges, tutorials: [], ...(exposure ? { exposure } : {}) };
}

/** A repository root whose public/content holds `shipped`, as content:build writes it. */
function rootWith(shipped: ContentPack): string {
  const root = mkdtempSync(join(tmpdir(), 'cat-shipped-'));
  dirs.push(root);
  mkdirSync(join(root, 'public', 'content'), { recursive: true });
  writeFileSync(join(root, 'public', 'content', 'manifest.json'), JSON.stringify({ version: shipped.version, url: '/content/pack-test.json' }));
  writeFileSync(join(root, 'public', 'content', 'pack-test.json'), JSON.stringify(shipped));
  writeFileSync(join(root, 'thetas.json'), JSON.stringify(Array.from({ length: 300 }, (_, k) => ((k % 7) - 3) / 2)));
  return root;
}

function timesGiven(root: string, id: string): number {
  const { examinees } = simulateCommand(['--bank', 'shipped', '--thetas', join(root, 'thetas.json'), '--length', '8', '--seed', 'shipped'], { root, readStdin: () => '' });
  expect(examinees).toHaveLength(300);
  return examinees.filter((examinee) => examinee.items.includes(id)).length;
}

describe('cat on the shipped pack', () => {
  it('[FLASH-11] simulate --bank shipped selects with the exposure table the pack carries', () => {
    expect(timesGiven(rootWith(pack()), 'c0-t0-a')).toBe(300);
    // K = 0.001: the item is eligible for about one candidate in a thousand, and given to nearly nobody.
    expect(timesGiven(rootWith(pack({ target: 0.2, eligibility: { 'c0-t0-a': 0.001 } })), 'c0-t0-a')).toBeLessThanOrEqual(3);
  });

  it('[FLASH-11] --exposure replaces the table the pack carries', () => {
    const root = rootWith(pack({ target: 0.2, eligibility: { 'c0-t0-a': 0.001 } }));
    writeFileSync(join(root, 'none.json'), JSON.stringify({ eligibility: {} }));
    const { examinees } = simulateCommand(
      ['--bank', 'shipped', '--thetas', join(root, 'thetas.json'), '--length', '8', '--seed', 'shipped', '--exposure', join(root, 'none.json')],
      { root, readStdin: () => '' },
    );
    expect(examinees.filter((examinee) => examinee.items.includes('c0-t0-a'))).toHaveLength(300);
  });

  it('[FLASH-11] calibrate --bank shipped starts from K = 1 and names the bank it calibrated', () => {
    const shipped = pack({ target: 0.2, eligibility: { 'c0-t0-a': 0.001 } });
    const root = rootWith(shipped);
    const output = calibrateCommand(['--bank', 'shipped', '--examinees', '100', '--rounds', '2', '--length', '8'], { root, readStdin: () => '' });
    const fresh = calibrateCommand(['--bank', 'shipped', '--examinees', '100', '--rounds', '2', '--length', '8'], { root: rootWith(pack()), readStdin: () => '' });
    expect(output.eligibility).toEqual(fresh.eligibility);
    expect(output.bank).toBe(bankFingerprint(flashItemsFromPack(pack())));
    expect(Object.keys(output)).toEqual(['target', 'examinees', 'rounds', 'length', 'seed', 'bank', 'eligibility']);
  });
});
