/**
 * BENCHMARKS.md is shared by several commands (`npm run bench`, `npm run bench:relay`): each replaces only its own
 * sections, delimited by `<!-- bench:ID -->` … `<!-- /bench:ID -->`, and keeps the others.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMachine } from './machine.ts';

export const BENCHMARKS_FILE = join(import.meta.dirname, '..', 'BENCHMARKS.md');

export interface BenchSection {
  id: string;
  title: string;
  markdown: string;
}

const HEADER = ['# Benchmarks', '', 'Targets come from the issues; figures are measured by `npm run bench` and `npm run bench:relay`, never asserted in tests.', ''].join('\n');

export function writeBenchSections(sections: BenchSection[], file = BENCHMARKS_FILE): string {
  let text = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  if (!text.includes('<!-- bench:')) text = HEADER;
  const stamp = `Measured on ${new Date().toISOString().slice(0, 10)}, on ${describeMachine()}.`;
  for (const section of sections) {
    const block = `<!-- bench:${section.id} -->\n## ${section.title}\n\n${stamp}\n\n${section.markdown.trim()}\n<!-- /bench:${section.id} -->`;
    const pattern = new RegExp(`<!-- bench:${section.id} -->[\\s\\S]*?<!-- /bench:${section.id} -->`);
    text = pattern.test(text) ? text.replace(pattern, block) : `${text.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
  return text;
}
