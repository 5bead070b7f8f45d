/**
 * Numbers as students type them ([CHECK-6]): "3,5" = "3.50"; decimals take a comma or a point, thousands are
 * grouped by spaces (any kind), apostrophes, points or commas, in groups of exactly three digits.
 */
import { normalizeBase } from './normalize.ts';

const ALLOWED = /^[\d.,' ]+$/;
const DIGITS = /^\d*$/;
const GROUP_SEPARATORS = /[., ']/;

/**
 * The number a text denotes, or undefined when it is not a plain decimal number. One comma or one point is the
 * decimal separator ("1,000" is 1, the French reading); when both appear the last one is; a separator that
 * appears several times, and any space or apostrophe, groups thousands ("1 000 000", "1.000.000,5",
 * "1,000,000.5"). A leading sign (+, -, U+2212 −) is allowed. No exponents, no units.
 */
export function parseNumber(text: string): number | undefined {
  let body = normalizeBase(text).trim().replace(/\u2212/g, '-');
  let sign = 1;
  if (body.startsWith('-') || body.startsWith('+')) {
    if (body.startsWith('-')) sign = -1;
    body = body.slice(1).trimStart();
  }
  if (!ALLOWED.test(body) || !/\d/.test(body)) return undefined;

  const dots = count(body, '.');
  const commas = count(body, ',');
  let decimalSeparator: '.' | ',' | undefined;
  if (dots > 0 && commas > 0) decimalSeparator = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
  else if (dots === 1) decimalSeparator = '.';
  else if (commas === 1) decimalSeparator = ',';

  let integerPart = body;
  let fractionPart = '';
  if (decimalSeparator !== undefined) {
    const at = body.lastIndexOf(decimalSeparator);
    integerPart = body.slice(0, at);
    fractionPart = body.slice(at + 1);
  }
  if (!DIGITS.test(fractionPart)) return undefined;
  const integerDigits = groupedDigits(integerPart.trimEnd());
  if (integerDigits === undefined) return undefined;
  if (integerDigits === '' && fractionPart === '') return undefined;
  return sign * Number(`${integerDigits === '' ? '0' : integerDigits}.${fractionPart === '' ? '0' : fractionPart}`);
}

/** The digits of an integer part written with one kind of thousands separator, or undefined if malformed. */
function groupedDigits(part: string): string | undefined {
  if (DIGITS.test(part)) return part;
  const separators = new Set(part.replace(/\d/g, ''));
  if (separators.size !== 1) return undefined;
  const groups = part.split(GROUP_SEPARATORS);
  const [first, ...rest] = groups;
  if (first === undefined || !/^\d{1,3}$/.test(first)) return undefined;
  if (!rest.every((group) => /^\d{3}$/.test(group))) return undefined;
  return groups.join('');
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}
