/**
 * npm run content:build — checks the bank (and stops on any problem), compiles it, versions it by content
 * hash and writes public/content/ (pack, manifest, attachments), with the exposure table of
 * content/exposure.json embedded. Runs before every app build, so it stays fast. Warnings (an exposure table
 * older than the bank) go to stderr and do not stop it. Its last output line is the path of the pack written.
 */
import { join, relative, sep } from 'node:path';
import { checkBank } from './content/check-bank.ts';
import { formatContentError } from './content/content-error.ts';
import { withVersion } from '../sync-server/content/pack-version.ts';
import { CONTENT_CACHE_DIR, CONTENT_DIR, PUBLIC_CONTENT_DIR, REPO_ROOT } from './content/repo-paths.ts';
import { writePublicContent } from './content/write-public-content.ts';

const started = performance.now();
const result = checkBank({ contentDir: CONTENT_DIR, root: REPO_ROOT, cacheDir: CONTENT_CACHE_DIR });
if (result.errors.length > 0) {
  for (const error of result.errors) console.error(formatContentError(error));
  console.error(`${result.errors.length} problème(s) dans le contenu : paquet non construit (npm run content:check).`);
  process.exit(1);
}
for (const warning of result.warnings) console.error(`attention : ${formatContentError(warning)}`);
// The pack embeds content/exposure.json when there is one (pack.exposure), so its version covers it.
const pack = withVersion(result.compiled.pack);
const packFile = writePublicContent(pack, { outDir: PUBLIC_CONTENT_DIR, attachmentsDir: join(CONTENT_DIR, 'attachments') });
const exposure = pack.exposure
  ? `contrôle d'exposition pour ${Object.keys(pack.exposure.eligibility).length} épreuves`
  : "sans contrôle d'exposition (pas de content/exposure.json)";
console.log(
  `Paquet ${pack.version} : ${pack.challenges.length} épreuves, ${pack.skills.length} acquis, ` +
    `${result.attachmentFiles.length} fichiers joints, ${exposure} (${Math.round(performance.now() - started)} ms).`,
);
console.log(relative(REPO_ROOT, packFile).split(sep).join('/'));
