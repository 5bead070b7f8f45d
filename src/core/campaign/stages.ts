/**
 * Stages ("paliers") by mastery percentage ([CAMP-4]). A target profile may define its own; the default is
 * 0–20 % insufficient, 21–50 % fragile (★), 51–80 % satisfactory (★★), 81–100 % very good (★★★).
 * French titles live in the locale files under the stage id; a custom stage brings its own title.
 */

export interface Stage {
  /** Stable id; the default stages' ids are locale keys. */
  id: string;
  /** Lowest mastery percentage (integer 0–100) that reaches this stage. */
  threshold: number;
  stars: number;
  /** A teacher-written title for a custom stage. */
  title?: string;
}

export const DEFAULT_STAGES = [
  { id: 'insufficient', threshold: 0, stars: 0 },
  { id: 'fragile', threshold: 21, stars: 1 },
  { id: 'satisfactory', threshold: 51, stars: 2 },
  { id: 'very-good', threshold: 81, stars: 3 },
] as const satisfies readonly Stage[];

/** Problems with a stage list, for whoever configures a target profile; empty when it is usable. */
export function stageProblems(stages: readonly Stage[]): string[] {
  const problems: string[] = [];
  if (stages.length === 0) return ['at least one stage is needed'];
  if (stages[0]?.threshold !== 0) problems.push('the first stage must start at 0 %');
  stages.forEach((stage, i) => {
    if (!Number.isInteger(stage.threshold) || stage.threshold < 0 || stage.threshold > 100) {
      problems.push(`stage "${stage.id}": threshold must be an integer from 0 to 100`);
    }
    const previous = stages[i - 1];
    if (previous !== undefined && stage.threshold <= previous.threshold) {
      problems.push(`stage "${stage.id}": thresholds must increase`);
    }
  });
  return problems;
}

/** The highest stage whose threshold the (integer) mastery percentage reaches; stages in increasing order. */
export function stageReached<S extends Stage>(stages: readonly S[], masteryPercent: number): S | undefined {
  let reached: S | undefined;
  for (const stage of stages) if (masteryPercent >= stage.threshold) reached = stage;
  return reached;
}
