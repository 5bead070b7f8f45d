import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileBank } from '../../src/core/content/compile.ts';
import { sampleCompetence } from '../../src/core/content/test-support/sample-competence.ts';
import { packVersion, withVersion } from '../../sync-server/content/pack-version.ts';
import { writePublicContent } from './write-public-content.ts';

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-build-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('packVersion', () => {
  it('is 16 hex digits that depend on the content only, not on key order or the version field', () => {
    const { pack } = compileBank([sampleCompetence()]);
    const version = packVersion(pack);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    const reordered = JSON.parse(JSON.stringify({ tutorials: pack.tutorials, challenges: pack.challenges, skills: pack.skills, tubes: pack.tubes, competences: pack.competences })) as typeof pack;
    expect(packVersion(reordered)).toBe(version);
    expect(packVersion({ ...withVersion(pack), version: 'ffffffffffffffff' })).toBe(version);
  });

  it('changes with any change of content', () => {
    const authored = sampleCompetence();
    const before = packVersion(compileBank([authored]).pack);
    const tube = authored.tubes[0];
    if (tube) tube.title = `${tube.title}.`;
    expect(packVersion(compileBank([authored]).pack)).not.toBe(before);
  });
});

describe('writePublicContent', () => {
  it('writes the pack, a manifest pointing to it and the attachments, and removes older packs', () => {
    const outDir = tempDir();
    const attachmentsDir = tempDir();
    mkdirSync(join(attachmentsDir, '1.1'));
    writeFileSync(join(attachmentsDir, '1.1', 'mots.csv'), 'mot;n\nde;1\n');
    mkdirSync(join(outDir, 'attachments', 'ancien'), { recursive: true });
    writeFileSync(join(outDir, 'attachments', 'ancien', 'retire.txt'), 'x');
    writeFileSync(join(outDir, 'pack-0000000000000000.json'), '{}');

    const pack = withVersion(compileBank([sampleCompetence()]).pack);
    const packFile = writePublicContent(pack, { outDir, attachmentsDir });

    expect(packFile).toBe(join(outDir, `pack-${pack.version}.json`));
    expect(JSON.parse(readFileSync(packFile, 'utf8'))).toEqual(pack);
    expect(JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'))).toEqual({ version: pack.version, url: `/content/pack-${pack.version}.json` });
    expect(readdirSync(outDir).sort()).toEqual(['attachments', 'manifest.json', `pack-${pack.version}.json`]);
    expect(readdirSync(join(outDir, 'attachments'))).toEqual(['1.1']);
    expect(readFileSync(join(outDir, 'attachments', '1.1', 'mots.csv'), 'utf8')).toBe('mot;n\nde;1\n');
  });
});
