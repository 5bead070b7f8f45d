/** The commands of the psychometrics CLI: each returns the JSON value `cat` prints. */
import { estimateAbility } from '../../src/core/flash/ability-estimate.ts';
import type { AbilityEstimate } from '../../src/core/flash/ability-estimate.ts';
import { CERTIFICATION_LENGTH } from '../../src/core/flash/certification.ts';
import { calibrateExposure, DEFAULT_CALIBRATION } from '../../src/core/flash/exposure-calibration.ts';
import type { CalibrationRound } from '../../src/core/flash/exposure-calibration.ts';
import { createFlashBank, InvalidBankError } from '../../src/core/flash/flash-bank.ts';
import type { FlashBank } from '../../src/core/flash/flash-bank.ts';
import type { FlashItem } from '../../src/core/flash/flash-item.ts';
import { simulateExaminees } from '../../src/core/flash/simulate.ts';
import { bankFingerprint } from '../content/exposure-file.ts';
import type { SimulatedExaminee } from '../../src/core/flash/simulate.ts';
import { CliError } from './cli-error.ts';
import {
  loadShippedBank,
  parseBank,
  parseEstimateInput,
  parseExposureTable,
  parseJson,
  parseThetas,
  readJsonFile,
} from './inputs.ts';
import { integerOption, numberOption, parseOptions, requiredOption } from './options.ts';

/** Longest test `simulate` accepts: far beyond certification, short enough to stay a simulation. */
const MAX_LENGTH = 1000;

export interface CommandContext {
  /** Repository root, where public/content lives. */
  root: string;
  /** Standard input, read only by `estimate`. */
  readStdin: () => string;
}

/** `--bank <file | shipped>` as items (the shipped pack with its own K), with `--exposure <file>` applied when given. */
function loadItems(root: string, bankOption: string, exposurePath: string | undefined): FlashItem[] {
  const items = bankOption === 'shipped' ? loadShippedBank(root) : parseBank(readJsonFile(bankOption, 'bank file'), `bank file ${bankOption}`);
  if (exposurePath === undefined) return items;
  const table = parseExposureTable(readJsonFile(exposurePath, 'exposure file'), `exposure file ${exposurePath}`);
  // The table replaces the K the bank carries: an item it does not list gets 1.
  return items.map((item) => ({ ...item, eligibility: table[item.id] ?? 1 }));
}

function indexBank(items: readonly FlashItem[]): FlashBank {
  try {
    return createFlashBank(items);
  } catch (error) {
    if (error instanceof InvalidBankError) throw new CliError(`invalid bank: ${error.message}`);
    throw error;
  }
}

/**
 * `simulate --bank <file|shipped> --thetas <file> --length <n> --seed <s> [--exposure <file>]`: the shipped
 * pack selects with the exposure table it carries, as in production; `--exposure` replaces it.
 */
export function simulateCommand(args: readonly string[], context: CommandContext): { examinees: SimulatedExaminee[] } {
  const options = parseOptions(args, ['bank', 'thetas', 'length', 'seed', 'exposure']);
  const bankOption = requiredOption(options, 'bank');
  const thetasPath = requiredOption(options, 'thetas');
  const seed = requiredOption(options, 'seed');
  const length = integerOption(options, 'length', CERTIFICATION_LENGTH, 1, MAX_LENGTH);
  const bank = indexBank(loadItems(context.root, bankOption, options.get('exposure')));
  const thetas = parseThetas(readJsonFile(thetasPath, 'thetas file'), `thetas file ${thetasPath}`);
  return { examinees: simulateExaminees(bank, thetas, { length, seed }) };
}

/** `estimate` < {"items":[{"a","b"}…],"responses":[0|1…]} */
export function estimateCommand(args: readonly string[], context: CommandContext): AbilityEstimate {
  parseOptions(args, []);
  return estimateAbility(parseEstimateInput(parseJson(context.readStdin(), 'standard input')));
}

/** What `calibrate` prints: content/exposure.json (content/schema/exposure.schema.json). */
export interface CalibrateOutput {
  target: number;
  examinees: number;
  rounds: CalibrationRound[];
  length: number;
  seed: string;
  /** Fingerprint of the items calibrated: content:check warns when the bank no longer matches it. */
  bank: string;
  eligibility: Record<string, number>;
}

/**
 * `calibrate --bank <file|shipped> [--target r] [--examinees n] [--rounds n] [--length n] [--seed s]`:
 * Sympson–Hetter eligibility parameters to ship with the bank (content/exposure.json, or the `--exposure`
 * file of `simulate`). The K the bank already carries (a shipped pack's) are ignored: calibration starts at 1.
 */
export function calibrateCommand(args: readonly string[], context: CommandContext): CalibrateOutput {
  const options = parseOptions(args, ['bank', 'target', 'examinees', 'rounds', 'length', 'seed']);
  const items = loadItems(context.root, requiredOption(options, 'bank'), undefined);
  indexBank(items);
  const settings = {
    target: numberOption(options, 'target', DEFAULT_CALIBRATION.target, 0, 1),
    examinees: integerOption(options, 'examinees', DEFAULT_CALIBRATION.examinees, 1, 1_000_000),
    rounds: integerOption(options, 'rounds', DEFAULT_CALIBRATION.rounds, 1, 100),
    length: integerOption(options, 'length', DEFAULT_CALIBRATION.length, 1, MAX_LENGTH),
    seed: options.get('seed') ?? DEFAULT_CALIBRATION.seed,
  };
  const { eligibility, rounds } = calibrateExposure(items, settings);
  return { target: settings.target, examinees: settings.examinees, rounds, length: settings.length, seed: settings.seed, bank: bankFingerprint(items), eligibility };
}

export const COMMANDS = {
  simulate: simulateCommand,
  estimate: estimateCommand,
  calibrate: calibrateCommand,
} as const satisfies Record<string, (args: readonly string[], context: CommandContext) => unknown>;
