/**
 * [SR-7] How many untested target skills a challenge on `skillLevel` is expected to settle by inference:
 * right (probability p) settles the untested skills of its tube at or below its level, wrong settles those at
 * or above it. The skill itself counts on both sides, so a candidate always settles at least one.
 */
export function expectedSettled(skillLevel: number, untestedLevelsInTube: readonly number[], p: number): number {
  let ifRight = 0;
  let ifWrong = 0;
  for (const level of untestedLevelsInTube) {
    if (level <= skillLevel) ifRight++;
    if (level >= skillLevel) ifWrong++;
  }
  return p * ifRight + (1 - p) * ifWrong;
}
