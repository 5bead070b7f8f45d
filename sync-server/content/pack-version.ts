/**
 * The version of a pack: the first 16 hex digits (64 bits) of the SHA-256 of its canonical JSON, version
 * field excluded, exposure table included. Same content, same version, whoever builds it; any change, a new
 * version (and file name), which is what lets the app and the relay cache a pack forever.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../src/core/content/canonical-json.ts';
import type { UnversionedPack } from '../../src/core/content/compile.ts';
import type { ContentPack } from '../../src/core/content/types.ts';

export const VERSION_HEX_DIGITS = 16;

export function packVersion(pack: UnversionedPack | ContentPack): string {
  // The exposure table changes which challenge a candidate gets, so it is content; canonical JSON drops an
  // absent one, which keeps the version of packs without it unchanged.
  const { competences, tubes, skills, challenges, tutorials, exposure } = pack;
  const unversioned: UnversionedPack = { competences, tubes, skills, challenges, tutorials, exposure };
  return createHash('sha256').update(canonicalJson(unversioned)).digest('hex').slice(0, VERSION_HEX_DIGITS);
}

/** The pack with its version first (readable files: the version is what one looks for). */
export function withVersion(pack: UnversionedPack): ContentPack {
  return { version: packVersion(pack), ...pack };
}
