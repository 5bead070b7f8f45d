/**
 * Bytes of an uploaded list → text ([IMPORT-2]). SIECLE writes ISO-8859-15 (and says so in the XML prolog),
 * Fregata and spreadsheets write UTF-8 or a Latin encoding without saying which, so:
 * - a UTF-8 byte order mark, or an XML prolog naming an encoding, decides;
 * - otherwise UTF-8 when the bytes are valid UTF-8, else Latin: ISO-8859-15 when a byte only makes sense
 *   there (Œ, œ, Š, š, Ž, ž, Ÿ, € instead of ¼, ½, ¦, ¨, ´, ¸, ¾, ¤, which never occur in a name), else
 *   Windows-1252 (which is ISO-8859-1 plus the typographic apostrophe and dashes Excel writes);
 * - UTF-16, undeclared encodings and files that are not text (a spreadsheet chosen instead of its CSV) are
 *   refused with a message saying how to save the file.
 * UTF-8 and ISO-8859-15 are decoded by the platform's TextDecoder (browsers, workers and Node all have it), handed
 * in because src/core compiles without DOM or Node types. Windows-1252 is decoded here from its table: Node 20's
 * TextDecoder('windows-1252') decodes as ISO-8859-1 (0x92 gives the control U+0092, not ’), and the relay must read
 * a file exactly as the browser did.
 */
import type { ImportIssue } from './learner-import.ts';
import { lineOfByte } from './line-index.ts';

export const TEXT_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-15'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
/** `(encoding) => new TextDecoder(encoding)` where a TextDecoder exists. */
export type TextDecoderFactory = (encoding: 'utf-8' | 'iso-8859-15') => TextDecoderLike;

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; errors: ImportIssue[] };

/** Labels an XML prolog may use for the encodings read here (compared in lower case). */
const DECLARED: Readonly<Record<string, TextEncodingName>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
  'iso8859-15': 'iso-8859-15',
  'iso_8859-15': 'iso-8859-15',
  latin9: 'iso-8859-15',
  'latin-9': 'iso-8859-15',
};

/** Bytes whose ISO-8859-15 letter (Š š Ž ž Œ œ Ÿ €) replaces a sign of ISO-8859-1 (¦ ¨ ´ ¸ ¼ ½ ¾ ¤). */
const LATIN9_ONLY = new Set([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);
const SAVE_AS_HINT = 'enregistrez-le en UTF-8 ou en ISO-8859-1 (« CSV UTF-8 » ou « CSV (séparateur : point-virgule) » dans un tableur)';

export function decodeImportBytes(bytes: Uint8Array, decoder: TextDecoderFactory): DecodedText {
  if (bytes.length === 0) return failure(null, 'Le fichier est vide.');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return failure(null, `Ce fichier est un classeur (.xlsx ou .ods), pas un fichier texte : ouvrez-le dans le tableur et ${SAVE_AS_HINT}.`);
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return failure(null, `Ce fichier est encodé en UTF-16, que l'import ne lit pas : ${SAVE_AS_HINT}.`);
  }
  const encoding = chooseEncoding(bytes);
  if (!encoding.ok) return encoding;
  const chosen = encoding.encoding;
  const text = (chosen === 'windows-1252' ? decodeWindows1252(bytes) : decoder(chosen).decode(bytes)).replace(/^\uFEFF/, '');
  // Controls other than tab and line ends do not occur in a list of names: this is a binary file.
  const control = firstControlCharacter(text);
  if (control !== -1) return failure(lineOfText(text, control), `Ce fichier n'est pas un fichier texte (CSV ou XML) : ${SAVE_AS_HINT}.`);
  return { ok: true, text, encoding: encoding.encoding };
}

function chooseEncoding(bytes: Uint8Array): { ok: true; encoding: TextEncodingName } | { ok: false; errors: ImportIssue[] } {
  const invalid = firstInvalidUtf8(bytes);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    if (invalid === -1) return { ok: true, encoding: 'utf-8' };
    return failure(lineOfByte(bytes, invalid), 'Le fichier commence par la marque UTF-8 mais contient des caractères qui ne sont pas en UTF-8 : ré-enregistrez-le en UTF-8.');
  }
  const declared = declaredXmlEncoding(bytes);
  if (declared !== null) {
    const known = DECLARED[declared.toLowerCase()];
    if (!known) return failure(1, `Encodage « ${declared} » non pris en charge : ${SAVE_AS_HINT}.`);
    if (known === 'utf-8' && invalid !== -1) {
      return failure(
        lineOfByte(bytes, invalid),
        'Le fichier se déclare en UTF-8 mais contient des caractères qui ne sont pas en UTF-8 (il a sans doute été modifié après son export) : exportez-le de nouveau sans le modifier.',
      );
    }
    return { ok: true, encoding: known };
  }
  if (invalid === -1) return { ok: true, encoding: 'utf-8' };
  return { ok: true, encoding: looksLatin9(bytes) ? 'iso-8859-15' : 'windows-1252' };
}

/** Windows-1252's 0x80–0x9F (five are unassigned and stay as the ISO-8859-1 controls); the rest is ISO-8859-1. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
] as const;
const DECODE_CHUNK = 8192;

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const units = new Uint16Array(Math.min(bytes.length, DECODE_CHUNK));
  for (let start = 0; start < bytes.length; start += DECODE_CHUNK) {
    const end = Math.min(bytes.length, start + DECODE_CHUNK);
    for (let i = start; i < end; i++) {
      const byte = bytes[i] ?? 0;
      units[i - start] = byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte;
    }
    text += String.fromCharCode(...units.subarray(0, end - start));
  }
  return text;
}

/** The `encoding` of an XML declaration at the very start (ASCII in every encoding read here), or null. */
function declaredXmlEncoding(bytes: Uint8Array): string | null {
  if (!startsWith(bytes, [0x3c, 0x3f, 0x78, 0x6d, 0x6c])) return null; // "<?xml"
  let prolog = '';
  for (let i = 0; i < bytes.length && i < 200; i++) {
    prolog += String.fromCharCode(bytes[i] ?? 0);
    if (prolog.endsWith('?>')) break;
  }
  return /\sencoding\s*=\s*["']([^"']+)["']/.exec(prolog)?.[1] ?? null;
}

function looksLatin9(bytes: Uint8Array): boolean {
  let latin9 = false;
  for (const byte of bytes) {
    // 0x80–0x9F are controls in ISO-8859-15 and letters or quotes in Windows-1252: then it is Windows-1252.
    if (byte >= 0x80 && byte <= 0x9f) return false;
    if (LATIN9_ONLY.has(byte)) latin9 = true;
  }
  return latin9;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

/** Offset of the first C0 control other than tab, line feed and carriage return (or DEL), or -1. */
function firstControlCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return i;
  }
  return -1;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function lineOfText(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function failure(line: number | null, message: string): { ok: false; errors: ImportIssue[] } {
  return { ok: false, errors: [{ line, message }] };
}
