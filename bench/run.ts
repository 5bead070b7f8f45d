/**
 * `npm run bench`: runs every bench/*.bench-suite.ts (each exports `run(): Promise<{title, markdown}>`) and writes
 * their figures to BENCHMARKS.md with the machine and the date (`npm run bench -- NAME` runs the suites whose file
 * starts with NAME). Targets are checked by reading the figures, not by timed assertions in tests.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeBenchSections } from './benchmarks-file.ts';

interface Suite {
  run(): Promise<{ title: string; markdown: string }>;
}

const only = process.argv.slice(2);

async function main(): Promise<void> {
  const files = readdirSync(import.meta.dirname)
    .filter((f) => f.endsWith('.bench-suite.ts'))
    .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
    .sort();
  for (const file of files) {
    process.stdout.write(`bench: ${file}…\n`);
    const suite = (await import(pathToFileURL(join(import.meta.dirname, file)).href)) as Suite;
    const started = performance.now();
    const { title, markdown } = await suite.run();
    process.stdout.write(`bench: ${file} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n${markdown.trim()}\n\n`);
    writeBenchSections([{ id: file.replace('.bench-suite.ts', ''), title, markdown }]);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
