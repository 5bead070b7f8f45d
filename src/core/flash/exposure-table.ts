/**
 * The exposure table shipped with a content pack ([FLASH-11]): what `cat calibrate` computed for the bank
 * (content/exposure.json), checked against the bank and reduced to what selection needs (`pack.exposure`).
 */
import type { RuleIssue } from '../content/rule-issue.ts';
import type { PackExposure } from '../content/types.ts';

/** Every id must be a challenge of the bank and every K in (0, 1]; issues have paths into the table. */
export function checkExposureTable(challengeIds: Iterable<string>, eligibility: Readonly<Record<string, number>>): RuleIssue[] {
  const known = new Set(challengeIds);
  const issues: RuleIssue[] = [];
  for (const [id, k] of Object.entries(eligibility)) {
    if (!known.has(id)) {
      issues.push({ path: ['eligibility', id], message: `l'épreuve « ${id} » n'existe pas dans la banque : recalibrer l'exposition (content/FORMAT.md)` });
    } else if (!(Number.isFinite(k) && k > 0 && k <= 1)) {
      issues.push({ path: ['eligibility', id], message: `le paramètre d'exposition de « ${id} » doit être un nombre dans ]0, 1] (trouvé : ${String(k)})` });
    }
  }
  return issues;
}

/**
 * The table as the pack carries it: only the challenges whose K is below 1 (the others get 1 anyway), in
 * the table's order, so that the pack stays small and its version does not move with listing style.
 */
export function toPackExposure(target: number, eligibility: Readonly<Record<string, number>>): PackExposure {
  const restricted: Record<string, number> = {};
  for (const [id, k] of Object.entries(eligibility)) if (k < 1) restricted[id] = k;
  return { target, eligibility: restricted };
}
