/**
 * Reads content/competences/*.yaml. Every later problem, from the schema or the rules, is reported at its
 * line: `lineOf` parses the text again with positions (parseDocument + LineCounter) the first time a file
 * has something to report, so that a clean file read from the cache never pays for positions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { DocPath } from '../../src/core/content/pack-origins.ts';
import type { ContentError } from './content-error.ts';
import type { ParsedYamlCache } from './parsed-yaml-cache.ts';
import { lineOfPath } from '../../sync-server/content/yaml-locator.ts';

export interface LoadedFile {
  /** Display path, relative to the repository root. */
  file: string;
  /** The plain data; undefined when the YAML itself is broken. */
  data: unknown;
  /** 1-based line of a path in the file (the deepest part of it that exists). */
  lineOf: (path: DocPath) => number | null;
}

export function loadCompetenceFiles(competencesDir: string, displayDir: string, cache?: ParsedYamlCache): { files: LoadedFile[]; errors: ContentError[] } {
  const files: LoadedFile[] = [];
  const errors: ContentError[] = [];
  for (const name of listYamlFiles(competencesDir)) {
    const file = `${displayDir}/${name}`;
    const text = readFileSync(join(competencesDir, name), 'utf8');
    const positions = lazyPositions(text);
    const cached = cache?.get(text);
    if (cached !== undefined) {
      files.push({ file, data: cached, lineOf: positions.lineOf });
      continue;
    }
    const { doc, lineCounter } = positions.parsed();
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        errors.push({ file, line: lineCounter.linePos(error.pos[0]).line, message: `YAML invalide : ${firstLine(error.message)}` });
      }
      files.push({ file, data: undefined, lineOf: positions.lineOf });
      continue;
    }
    const data: unknown = doc.toJS();
    cache?.set(text, data);
    files.push({ file, data, lineOf: positions.lineOf });
  }
  return { files, errors };
}

function lazyPositions(text: string) {
  let parsed: { doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter } | null = null;
  const get = () => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true }), lineCounter };
    }
    return parsed;
  };
  return {
    parsed: get,
    lineOf: (path: DocPath): number | null => {
      const { doc, lineCounter } = get();
      return lineOfPath(doc, lineCounter, path);
    },
  };
}

function listYamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } catch {
    return [];
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
