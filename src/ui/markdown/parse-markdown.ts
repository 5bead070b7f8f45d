/**
 * A small Markdown reader for challenge instructions, proposals, tutorials and teachers' landing texts. It builds a
 * tree that Markdown.tsx turns into React elements: no HTML string is ever produced or injected, so raw HTML in a
 * text (`<img onerror=…>`, a `<script>`) is shown as the characters it is, and the relay's CSP needs no exception.
 * What it reads: paragraphs, headings, emphasis, strong, code spans, fenced code, block quotes, lists, tables,
 * horizontal rules, links (http, https, mailto and same-origin paths only) and hard line breaks.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'break' };

export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'heading'; level: number; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'quote'; children: Block[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { kind: 'rule' };

/** Longest text read, far above any instruction or landing text (5000 characters): a guard against runaway input. */
const MAX_LENGTH = 50_000;

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^\s{0,3}>\s?/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const TABLE_ROW = /^\s*\|/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.slice(0, MAX_LENGTH).replace(/\r\n?/g, '\n').split('\n');
  return parseBlocks(lines);
}

function startsBlock(line: string, next: string | undefined): boolean {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || BULLET.test(line) || ORDERED.test(line) || (TABLE_ROW.test(line) && next !== undefined && TABLE_SEPARATOR.test(next));
}

function parseBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? '').trim().startsWith(marker)) body.push(lines[i++] ?? '');
      i++;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: (heading[1] ?? '#').length, children: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] ?? '')) body.push((lines[i++] ?? '').replace(QUOTE, ''));
      blocks.push({ kind: 'quote', children: parseBlocks(body) });
      continue;
    }
    if (BULLET.test(line) || ORDERED.test(line)) {
      const ordered = ORDERED.test(line);
      const pattern = ordered ? ORDERED : BULLET;
      const start = ordered ? Number(ORDERED.exec(line)?.[1] ?? 1) : 1;
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i] ?? '';
        const item = pattern.exec(current);
        if (item) items.push((ordered ? item[2] : item[1]) ?? '');
        else if (current.trim() !== '' && !startsBlock(current, lines[i + 1]) && items.length > 0) items[items.length - 1] += `\n${current.trim()}`;
        else break;
        i++;
      }
      blocks.push({ kind: 'list', ordered, start, items: items.map(parseInline) });
      continue;
    }
    if (TABLE_ROW.test(line) && TABLE_SEPARATOR.test(lines[i + 1] ?? '')) {
      const header = splitRow(line);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && TABLE_ROW.test(lines[i] ?? '')) rows.push(splitRow(lines[i++] ?? ''));
      blocks.push({ kind: 'table', header, rows });
      continue;
    }
    const paragraph: string[] = [line];
    i++;
    while (i < lines.length && (lines[i] ?? '').trim() !== '' && !startsBlock(lines[i] ?? '', lines[i + 1])) paragraph.push(lines[i++] ?? '');
    blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join('\n')) });
  }
  return blocks;
}

function splitRow(line: string): Inline[][] {
  const cells: string[] = [];
  let cell = '';
  const body = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c === '\\' && body[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((c) => parseInline(c.trim()));
}

const ESCAPABLE = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const WORD = /[\p{L}\p{N}]/u;

/** Links may only go to the web, to an e-mail address, or inside the app: never `javascript:` or `data:`. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (/^(https?:|mailto:)/i.test(href)) return href;
  if (/^\/(?!\/)/.test(href) || href.startsWith('#')) return href;
  return null;
}

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? '';
    const next = source[i + 1];
    if (c === '\\' && next === '\n') {
      flush();
      out.push({ kind: 'break' });
      i += 2;
      continue;
    }
    if (c === '\\' && next !== undefined && ESCAPABLE.test(next)) {
      text += next;
      i += 2;
      continue;
    }
    if (c === '\n') {
      // Two spaces at the end of a line are a hard break; any other line end is a space (CommonMark).
      if (text.endsWith('  ')) {
        text = text.trimEnd();
        flush();
        out.push({ kind: 'break' });
      } else text = `${text.trimEnd()} `;
      i++;
      continue;
    }
    if (c === '`') {
      let run = 1;
      while (source[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      let close = source.indexOf(fence, i + run);
      while (close !== -1 && source[close + run] === '`') close = source.indexOf(fence, close + run + 1);
      if (close !== -1) {
        flush();
        const body = source.slice(i + run, close).replace(/\n/g, ' ');
        out.push({ kind: 'code', text: /^ .* $/.test(body) && body.trim() !== '' ? body.slice(1, -1) : body });
        i = close + run;
        continue;
      }
      text += fence;
      i += run;
      continue;
    }
    if (c === '[') {
      const link = readLink(source, i);
      if (link) {
        flush();
        const children = parseInline(link.label);
        const href = safeHref(link.href);
        if (href) out.push({ kind: 'link', href, children });
        else out.push(...children);
        i = link.end;
        continue;
      }
    }
    if (c === '*' || c === '_') {
      const emphasis = readEmphasis(source, i, c);
      if (emphasis) {
        flush();
        out.push({ kind: emphasis.strong ? 'strong' : 'em', children: parseInline(emphasis.inner) });
        i = emphasis.end;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}

function readLink(source: string, start: number): { label: string; href: string; end: number } | null {
  let depth = 0;
  let close = -1;
  for (let j = start; j < source.length; j++) {
    const ch = source[j];
    if (ch === '\\') j++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) {
      close = j;
      break;
    }
  }
  if (close === -1 || source[close + 1] !== '(') return null;
  // The destination ends at the ")" that balances its "(" (URLs may hold parentheses).
  let end = -1;
  for (let j = close + 2, open = 1; j < source.length; j++) {
    if (source[j] === '(') open++;
    else if (source[j] === ')' && --open === 0) {
      end = j;
      break;
    }
  }
  if (end === -1) return null;
  const target = source.slice(close + 2, end).trim().split(/\s+/)[0] ?? '';
  return { label: source.slice(start + 1, close), href: target.replace(/^<|>$/g, ''), end: end + 1 };
}

/** `**strong**`, `*em*` (and with `_`): openers are not followed by a space, closers not preceded by one. */
function readEmphasis(source: string, start: number, marker: '*' | '_'): { strong: boolean; inner: string; end: number } | null {
  // An underscore inside a word (snake_case, file_name.csv) is a character, not emphasis.
  if (marker === '_' && start > 0 && WORD.test(source[start - 1] ?? '')) return null;
  for (const size of [2, 1]) {
    const delimiter = marker.repeat(size);
    if (!source.startsWith(delimiter, start)) continue;
    const from = start + size;
    const first = source[from];
    if (first === undefined || /\s/.test(first) || (size === 1 && first === marker)) continue;
    let j = from + 1;
    while (j < source.length) {
      const found = source.indexOf(delimiter, j);
      if (found === -1) break;
      const before = source[found - 1] ?? '';
      const after = source[found + size];
      const closes = !/\s/.test(before) && before !== '\\' && (size === 2 || (after !== marker && before !== marker)) && !(marker === '_' && after !== undefined && WORD.test(after));
      if (closes) return { strong: size === 2, inner: source.slice(from, found), end: found + size };
      j = found + 1;
    }
  }
  return null;
}
