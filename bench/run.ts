/**
 * `npm run bench`: runs every bench/*.bench-suite.ts (each exports `run(): Promise<{title, markdown}>`) and writes
 * their figures to BENCHMARKS.md with the machine and the date. Targets are checked here, by people reading the
 * figures, not by timed assertions in tests.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeMachine } from './machine.ts';

interface Suite {
  run(): Promise<{ title: string; markdown: string }>;
}

const benchDir = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);

async function main(): Promise<void> {
  const files = readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench-suite.ts'))
    .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
    .sort();
  const sections: string[] = [];
  for (const file of files) {
    process.stdout.write(`bench: ${file}…\n`);
    const suite = (await import(pathToFileURL(join(benchDir, file)).href)) as Suite;
    const started = performance.now();
    const { title, markdown } = await suite.run();
    process.stdout.write(`bench: ${file} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    sections.push(`## ${title}\n\n${markdown.trim()}\n`);
  }
  const date = new Date().toISOString().slice(0, 10);
  const text = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${date}, on ${describeMachine()}.`,
    'Targets come from the issues; figures are measured, never asserted in tests.',
    '',
    ...sections,
  ].join('\n');
  writeFileSync(join(benchDir, '..', 'BENCHMARKS.md'), text);
  process.stdout.write(text);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
