/**
 * The line of a path in a parsed YAML (or JSON) document. A path that goes further than the document (a
 * default value, a derived field) stops at the deepest node that exists, so every issue gets a line.
 * A mapping entry is located at its key, where an author looks for it.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter } from 'yaml';
import type { DocPath } from '../../src/core/content/pack-origins.ts';

/** 1-based line, or null when the document is empty. */
export function lineOfPath(doc: Document, lineCounter: LineCounter, path: DocPath): number | null {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === null ? null : lineCounter.linePos(offset).line;
}

function rangeStart(node: unknown): number | null {
  if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
    const start: unknown = node.range[0];
    return typeof start === 'number' ? start : null;
  }
  return null;
}
