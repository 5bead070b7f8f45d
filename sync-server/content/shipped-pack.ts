/**
 * The content pack the relay ships and scores with: the one `npm run content:build` wrote, found through its
 * manifest in the built app (dist/content) or, in development, in public/content.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentManifest, ContentPack } from '../../src/core/content/types.ts';

export function findContentManifest(dirs: string[]): { dir: string; manifest: ContentManifest } | null {
  for (const dir of dirs) {
    const file = join(dir, 'content', 'manifest.json');
    if (existsSync(file)) return { dir, manifest: JSON.parse(readFileSync(file, 'utf8')) as ContentManifest };
  }
  return null;
}

export function readContentPack(dir: string, manifest: ContentManifest): ContentPack {
  return JSON.parse(readFileSync(join(dir, manifest.url.replace(/^\//, '')), 'utf8')) as ContentPack;
}
