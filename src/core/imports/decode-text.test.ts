import { describe, expect, it } from 'vitest';
import { decodeImportBytes, decodeWindows1252, firstInvalidUtf8 } from './decode-text.ts';
import type { TextDecoderFactory } from './decode-text.ts';

const decoder: TextDecoderFactory = (encoding) => new TextDecoder(encoding);
const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

describe('[IMPORT-2] reading the bytes of a list', () => {
  it('finds the first byte that breaks UTF-8: truncated, overlong, surrogate, beyond U+10FFFF', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('Zoé Œ 😀'))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x41, 0xc3))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0);
    expect(firstInvalidUtf8(bytes(0x41, 0xed, 0xa0, 0x80))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
  });

  it('decodes Windows-1252 from its own table (Node’s TextDecoder reads it as ISO-8859-1)', () => {
    expect(decodeWindows1252(bytes(0x4e, 0x92, 0x44, 0x80, 0x9c, 0xe9))).toBe('N’D€œé');
  });

  it('follows the XML prolog; an encoding it does not read is an error naming it', () => {
    const prolog = (encoding: string, body: number[]) => bytes(...ascii(`<?xml version="1.0" encoding="${encoding}"?>\n<a>`), ...body, ...ascii('</a>'));
    expect(decodeImportBytes(prolog('ISO-8859-1', [0xe9]), decoder)).toEqual({ ok: true, encoding: 'windows-1252', text: '<?xml version="1.0" encoding="ISO-8859-1"?>\n<a>é</a>' });
    expect(decodeImportBytes(prolog('Shift_JIS', []), decoder)).toEqual({
      ok: false,
      errors: [{ line: 1, message: expect.stringMatching(/^Encodage « Shift_JIS » non pris en charge/) as unknown }],
    });
  });

  it('a UTF-8 byte order mark with Latin bytes after it is an error at their line', () => {
    const result = decodeImportBytes(bytes(0xef, 0xbb, 0xbf, ...ascii('Nom\nZo'), 0xe9), decoder);
    expect(result).toEqual({ ok: false, errors: [{ line: 2, message: expect.stringMatching(/marque UTF-8/) as unknown }] });
  });

  it('a file with control characters is not a text file', () => {
    expect(decodeImportBytes(bytes(...ascii('Nom\nA'), 0x00, 0x01), decoder)).toEqual({ ok: false, errors: [{ line: 2, message: expect.stringMatching(/pas un fichier texte/) as unknown }] });
  });
});
