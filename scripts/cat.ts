/**
 * `npm run --silent cat -- <command> …`: psychometrics for the people who build and calibrate banks.
 *   simulate  --bank <file|shipped> --thetas <file> --length <n> --seed <s> [--exposure <file>]
 *   estimate  (reads {"items":[{"a","b"}…],"responses":[0|1…]} on stdin)
 *   calibrate --bank <file|shipped> [--target r] [--examinees n] [--rounds n] [--length n] [--seed s]
 * `--bank shipped` is the built pack (npm run content:build) with the exposure table it carries;
 * `calibrate --bank shipped > content/exposure.json` makes that table (content/FORMAT.md, "Exposure control").
 * Prints JSON on stdout and nothing else. Bad arguments or files: one line on stderr, exit code 2.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CliError } from './cat/cli-error.ts';
import { COMMANDS } from './cat/commands.ts';

const USAGE = 'usage: cat simulate|estimate|calibrate [--option value]…';

function isCommand(name: string): name is keyof typeof COMMANDS {
  return Object.hasOwn(COMMANDS, name);
}

function main(argv: readonly string[]): number {
  const [command, ...args] = argv;
  try {
    if (command === undefined) throw new CliError(USAGE);
    if (!isCommand(command)) throw new CliError(`unknown command "${command}"; ${USAGE}`);
    const output = COMMANDS[command](args, {
      root: fileURLToPath(new URL('..', import.meta.url)),
      readStdin: () => readFileSync(0, 'utf8'),
    });
    // calibrate's output is committed (content/exposure.json): one K per line keeps its diffs and the line
    // numbers of content:check readable. The other outputs are read by programs and stay compact.
    process.stdout.write(`${JSON.stringify(output, null, command === 'calibrate' ? 2 : undefined)}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`cat: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return error instanceof CliError ? 2 : 1;
  }
}

process.exitCode = main(process.argv.slice(2));
