/**
 * How many tests the relay found flagged since it started ([RESULTS-4], [RESULTS-5]): a log whose challenges are not
 * the engine's choices, or a test on a pack the relay does not hold. Each test counts once, however often it is
 * recomputed, and stops counting when a later recomputation clears it (its pack was imported). The flag itself is
 * in each stored result; this is the running count an operator or a test reads. Memory: one key per flagged test.
 */
import type { TestResults } from '../../src/core/results/test-results.ts';

export class FlaggedTests {
  private readonly replayMismatches = new Set<string>();
  private readonly unknownContent = new Set<string>();

  /** `key` names the test (organisation and assessment id). */
  record(key: string, results: TestResults): void {
    toggle(this.unknownContent, key, results.status === 'unknown-content');
    toggle(this.replayMismatches, key, results.status === 'scored' && !results.replay.matches);
  }

  counts(): { replayMismatches: number; unknownContent: number } {
    return { replayMismatches: this.replayMismatches.size, unknownContent: this.unknownContent.size };
  }
}

function toggle(set: Set<string>, key: string, on: boolean): void {
  if (on) set.add(key);
  else set.delete(key);
}
