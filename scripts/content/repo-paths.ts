/** Where the content lives in this repository, independent of the directory a script is started from. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CONTENT_DIR = join(REPO_ROOT, 'content');
/** Generated, not committed: the built pack, its manifest and a copy of the attachments. */
export const PUBLIC_CONTENT_DIR = join(REPO_ROOT, 'public', 'content');
/** Caches of the content tools (parsed YAML), beside the other tools' caches; safe to delete. */
export const CONTENT_CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'content-pipeline');
