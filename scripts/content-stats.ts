/**
 * npm run content:stats — the coverage table of the authored bank (competence × level × type, variants,
 * offline share, files, timed, focused). Problems found by the check are counted, not listed: the table
 * covers the files that pass the schema, so it is useful while the bank is being written.
 */
import { bankStats } from '../src/core/content/stats.ts';
import { formatStatsTable } from '../src/core/content/stats-table.ts';
import { checkBank } from './content/check-bank.ts';
import { CONTENT_CACHE_DIR, CONTENT_DIR, REPO_ROOT } from './content/repo-paths.ts';

const result = checkBank({ contentDir: CONTENT_DIR, root: REPO_ROOT, cacheDir: CONTENT_CACHE_DIR });
console.log(formatStatsTable(bankStats(result.compiled.pack)));
if (result.errors.length > 0) {
  console.log(`\n${result.errors.length} problème(s) dans le contenu : voir npm run content:check.`);
}
