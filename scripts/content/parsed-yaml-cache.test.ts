import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openParsedYamlCache } from './parsed-yaml-cache.ts';

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yaml-cache-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openParsedYamlCache', () => {
  it('returns in a later run what was stored for the same text', () => {
    const dir = tempDir();
    const cache = openParsedYamlCache(dir, 'v1');
    expect(cache.get('a: 1')).toBeUndefined();
    cache.set('a: 1', { a: 1 });
    cache.save();
    expect(openParsedYamlCache(dir, 'v1').get('a: 1')).toEqual({ a: 1 });
    expect(openParsedYamlCache(dir, 'v1').get('a: 2')).toBeUndefined();
  });

  it('misses when the parser version changes', () => {
    const dir = tempDir();
    const cache = openParsedYamlCache(dir, 'v1');
    cache.set('a: 1', { a: 1 });
    cache.save();
    expect(openParsedYamlCache(dir, 'v2').get('a: 1')).toBeUndefined();
  });

  it('does not keep values JSON would change (infinity, NaN, -0)', () => {
    const dir = tempDir();
    const cache = openParsedYamlCache(dir, 'v1');
    cache.set('t: .inf', { t: Infinity });
    cache.set('t: .nan', { t: [NaN] });
    cache.set('t: -0', { t: -0 });
    cache.save();
    const reopened = openParsedYamlCache(dir, 'v1');
    expect([reopened.get('t: .inf'), reopened.get('t: .nan'), reopened.get('t: -0')]).toEqual([undefined, undefined, undefined]);
  });

  it('starts empty from an unreadable cache file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'parsed-yaml.json'), '{ not json');
    const cache = openParsedYamlCache(dir, 'v1');
    expect(cache.get('a: 1')).toBeUndefined();
    cache.set('a: 1', { a: 1 });
    cache.save();
    expect(openParsedYamlCache(dir, 'v1').get('a: 1')).toEqual({ a: 1 });
  });
});
