/**
 * Writes a built pack where the app serves it: public/content/pack-<version>.json, manifest.json pointing to
 * it, and a fresh copy of the attachments. Older packs are deleted (the service worker and the relay only
 * ever want the current one; each client keeps its own copy in IndexedDB).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentManifest, ContentPack } from '../../src/core/content/types.ts';

export function packFileName(version: string): string {
  return `pack-${version}.json`;
}

/** Returns the path of the pack file written. */
export function writePublicContent(pack: ContentPack, options: { outDir: string; attachmentsDir: string }): string {
  const { outDir } = options;
  mkdirSync(outDir, { recursive: true });
  const name = packFileName(pack.version);
  const packFile = join(outDir, name);
  // Pack first, manifest last, each written whole (temporary file + rename): a server reading public/content/
  // during a build sees the old manifest or the new one, and the pack it names is always complete.
  writeWhole(packFile, JSON.stringify(pack));
  const manifest: ContentManifest = { version: pack.version, url: `/content/${name}` };
  writeWhole(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const attachmentsOut = join(outDir, 'attachments');
  rmSync(attachmentsOut, { recursive: true, force: true });
  if (existsSync(options.attachmentsDir)) cpSync(options.attachmentsDir, attachmentsOut, { recursive: true });

  for (const entry of readdirSync(outDir)) {
    if (/^pack-[0-9a-f]+\.json$/.test(entry) && entry !== name) rmSync(join(outDir, entry));
  }
  return packFile;
}

function writeWhole(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
