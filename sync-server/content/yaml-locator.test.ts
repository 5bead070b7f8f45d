import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { pointerToPath } from './ajv-issues.ts';
import { lineOfPath } from './yaml-locator.ts';

const TEXT = `competence: "1.1"
tubes:
  - id: "@a"
    skills:
      - level: 2
        challenges:
          - id: x
            solution: 3
            proposals: [un, deux,
              trois]
`;

function line(text: string, path: (string | number)[]): number | null {
  const lineCounter = new LineCounter();
  return lineOfPath(parseDocument(text, { lineCounter }), lineCounter, path);
}

describe('lineOfPath', () => {
  it('finds a mapping entry at its key and a sequence item at its start', () => {
    expect(line(TEXT, ['competence'])).toBe(1);
    expect(line(TEXT, ['tubes', 0])).toBe(3);
    expect(line(TEXT, ['tubes', 0, 'skills', 0, 'level'])).toBe(5);
    expect(line(TEXT, ['tubes', 0, 'skills', 0, 'challenges', 0, 'solution'])).toBe(8);
    expect(line(TEXT, ['tubes', 0, 'skills', 0, 'challenges', 0, 'proposals', 2])).toBe(10);
  });

  it('stops at the deepest node that exists', () => {
    expect(line(TEXT, ['tubes', 0, 'skills', 0, 'challenges', 0, 'solution', 0])).toBe(8);
    expect(line(TEXT, ['tubes', 0, 'skills', 0, 'challenges', 0, 'timer'])).toBe(7);
    expect(line(TEXT, ['tubes', 5])).toBe(2);
    expect(line(TEXT, [])).toBe(1);
  });

  it('works on JSON text too', () => {
    const json = JSON.stringify({ version: 'x', challenges: [{ id: 'a' }, { id: 'b', solution: [1] }] }, null, 2);
    expect(line(json, ['challenges', 1, 'solution', 0])).toBe(json.split('\n').findIndex((l) => l.trim() === '1') + 1);
  });

  it('returns null for an empty document', () => {
    expect(line('', ['a'])).toBeNull();
  });
});

describe('pointerToPath', () => {
  it('turns a JSON pointer into a path with numeric indexes and unescaped keys', () => {
    expect(pointerToPath('')).toEqual([]);
    expect(pointerToPath('/tubes/0/skills/12/a~1b~0c')).toEqual(['tubes', 0, 'skills', 12, 'a/b~c']);
  });
});
