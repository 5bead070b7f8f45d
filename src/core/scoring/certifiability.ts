/** [SCORE-5] Certifiable: at least 5 competences at level 1 or more. */

export const MIN_CERTIFIABLE_COMPETENCES = 5;
export const MIN_CERTIFIABLE_LEVEL = 1;

/** How many competences count towards certifiability, and whether that is enough. */
export function certifiability(levels: readonly number[]): { certifiable: boolean; certifiableCompetenceCount: number } {
  const certifiableCompetenceCount = levels.filter((level) => level >= MIN_CERTIFIABLE_LEVEL).length;
  return { certifiable: certifiableCompetenceCount >= MIN_CERTIFIABLE_COMPETENCES, certifiableCompetenceCount };
}
