/**
 * npm run content:check — validates the authored bank (content/competences/*.yaml, the files they point
 * to, content/exposure.json). Prints every problem as `content/competences/1.1.yaml:42: message` and exits 1,
 * or a one-line summary; warnings (an exposure table older than the bank) go to stderr with exit code 0.
 * An optional argument names another directory laid out like content/ (a test fixture).
 */
import { resolve } from 'node:path';
import { checkBank } from './content/check-bank.ts';
import { formatContentError } from './content/content-error.ts';
import { CONTENT_CACHE_DIR, CONTENT_DIR, REPO_ROOT } from './content/repo-paths.ts';

const started = performance.now();
const contentDir = process.argv[2] === undefined ? CONTENT_DIR : resolve(process.argv[2]);
const result = checkBank({ contentDir, root: REPO_ROOT, cacheDir: CONTENT_CACHE_DIR });
if (result.errors.length > 0) {
  for (const error of result.errors) console.error(formatContentError(error));
  console.error(`${result.errors.length} problème(s) dans le contenu.`);
  process.exit(1);
}
for (const warning of result.warnings) console.error(`attention : ${formatContentError(warning)}`);
const { pack } = result.compiled;
const count = (n: number, noun: string): string => `${n} ${noun}${n > 1 ? 's' : ''}`;
console.log(
  `Contenu valide : ${count(result.fileCount, 'compétence')}, ${count(pack.tubes.length, 'sujet')}, ${pack.skills.length} acquis, ` +
    `${count(pack.challenges.length, 'épreuve')}, ${count(pack.tutorials.length, 'tutoriel')} (${Math.round(performance.now() - started)} ms).`,
);
