/**
 * A cache of parsed competence files, keyed by the SHA-256 of their text (and the parser's version): parsing
 * YAML costs about 1 ms per kilobyte in a fresh process, and content:build runs before every app build, while
 * the files rarely change. Only the plain data is kept; positions are recomputed from the text, and only
 * when there is an error to place. Lives in node_modules/.cache/ (never committed); any problem reading or
 * writing it just means parsing again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const FILE_NAME = 'parsed-yaml.json';
/** Enough for the bank, the test fixtures and a few past versions of each file (a few MB at most). */
const MAX_ENTRIES = 200;

/** A new parser version may read the same text differently: it is part of every key. */
function yamlParserVersion(): string {
  const manifest: unknown = createRequire(import.meta.url)('yaml/package.json');
  return manifest !== null && typeof manifest === 'object' && 'version' in manifest ? `yaml@${String(manifest.version)}` : 'yaml';
}

export interface ParsedYamlCache {
  get(text: string): unknown;
  set(text: string, data: unknown): void;
  /** Writes the new entries, if any; old ones are kept up to MAX_ENTRIES, then only this run's. */
  save(): void;
}

export function openParsedYamlCache(dir: string, parserVersion = yamlParserVersion()): ParsedYamlCache {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, FILE_NAME), 'utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) stored = Object.fromEntries(Object.entries(parsed));
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  const used = new Map<string, unknown>();
  let changed = false;
  const keyOf = (text: string): string => createHash('sha256').update(parserVersion).update('\0').update(text).digest('hex');
  return {
    get(text) {
      const key = keyOf(text);
      if (!Object.hasOwn(stored, key)) return undefined;
      used.set(key, stored[key]);
      return stored[key];
    },
    set(text, data) {
      // Only data that JSON keeps exactly: YAML's .inf or .nan would come back as null.
      if (!isPlainJson(data)) return;
      used.set(keyOf(text), data);
      changed = true;
    },
    save() {
      if (!changed) return;
      const merged = { ...stored, ...Object.fromEntries(used) };
      const kept = Object.keys(merged).length <= MAX_ENTRIES ? merged : Object.fromEntries(used);
      try {
        mkdirSync(dir, { recursive: true });
        // Write then rename: a concurrent run reads the old cache or the new one, never half of one.
        const temporary = join(dir, `${FILE_NAME}.${process.pid}.tmp`);
        writeFileSync(temporary, JSON.stringify(kept));
        renameSync(temporary, join(dir, FILE_NAME));
      } catch {
        // A read-only checkout still checks and builds, only without the cache.
      }
    },
  };
}

function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(isPlainJson);
  return false;
}
