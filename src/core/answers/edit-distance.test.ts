import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.ts';

describe('edit distance', () => {
  it('[CHECK-5] counts insertions, deletions and substitutions', () => {
    expect(editDistance('chat', 'chat')).toBe(0);
    expect(editDistance('chat', 'chats')).toBe(1);
    expect(editDistance('chat', 'cht')).toBe(1);
    expect(editDistance('chat', 'chot')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('[CHECK-5] counts code points, not UTF-16 units', () => {
    expect(editDistance('a😀b', 'a😁b')).toBe(1);
  });

  it('[CHECK-5] stops at max + 1 once the bound is passed, and agrees below it', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.nat({ max: 6 }), (a, b, max) => {
        const full = editDistance(a, b);
        expect(editDistance(a, b, max)).toBe(full <= max ? full : max + 1);
        expect(editDistance(b, a)).toBe(full);
      }),
    );
  });
});
