/** `--name value` options of the psychometrics CLI, checked against what each command accepts. */
import { CliError } from './cli-error.ts';

export type Options = ReadonlyMap<string, string>;

/** Parse `--name value` pairs; any name not in `allowed`, a repeated name or a missing value is an error. */
export function parseOptions(args: readonly string[], allowed: readonly string[]): Options {
  const options = new Map<string, string>();
  for (let k = 0; k < args.length; k += 2) {
    const flag = args[k] ?? '';
    const value = args[k + 1];
    if (!flag.startsWith('--')) throw new CliError(`unexpected argument "${flag}"`);
    const name = flag.slice(2);
    if (!allowed.includes(name)) throw new CliError(`unknown option --${name}`);
    if (options.has(name)) throw new CliError(`option --${name} given twice`);
    if (value === undefined || value.startsWith('--')) throw new CliError(`option --${name} needs a value`);
    options.set(name, value);
  }
  return options;
}

export function requiredOption(options: Options, name: string): string {
  const value = options.get(name);
  if (value === undefined || value === '') throw new CliError(`missing option --${name}`);
  return value;
}

/** An integer option in [min, max], or `fallback` when absent. */
export function integerOption(options: Options, name: string, fallback: number, min: number, max: number): number {
  const text = options.get(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new CliError(`option --${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/** A number option in (min, max], or `fallback` when absent. */
export function numberOption(options: Options, name: string, fallback: number, min: number, max: number): number {
  const text = options.get(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= min || value > max) {
    throw new CliError(`option --${name} must be a number in (${min}, ${max}], got "${text}"`);
  }
  return value;
}
