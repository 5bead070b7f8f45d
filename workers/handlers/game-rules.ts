/**
 * The rules of the game are shown once per student on this machine (SCREENS.md, student step 4): a flag per
 * learner in the device database, so that it survives reloads and other tabs, and needs no network.
 */
import { readMeta, writeMeta } from '../db/device-meta.ts';
import type { LabRuntime } from '../runtime/lab-runtime.ts';

export interface GameRulesHandlers {
  gameRulesSeen(input: { learnerId: string }): Promise<boolean>;
  markGameRulesSeen(input: { learnerId: string }): Promise<void>;
}

const keyOf = (learnerId: string): string => `game-rules:${learnerId}`;
const isTimestamp = (value: unknown): value is number => typeof value === 'number';

export function createGameRulesHandlers(runtime: LabRuntime): GameRulesHandlers {
  return {
    async gameRulesSeen({ learnerId }) {
      return (await readMeta(runtime.deviceDb, keyOf(learnerId), isTimestamp)) !== null;
    },
    async markGameRulesSeen({ learnerId }) {
      await writeMeta(runtime.deviceDb, keyOf(learnerId), runtime.now());
    },
  };
}
