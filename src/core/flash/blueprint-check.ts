/**
 * Checks a given sequence of items against the certification blueprint: what the property tests and the
 * simulation figures verify ([FLASH-3], [FLASH-4], [FLASH-5]).
 */
import type { FlashItem } from './flash-item.ts';

export interface BlueprintViolation {
  rule: 'FLASH-3' | 'FLASH-4' | 'FLASH-5';
  position: number;
  message: string;
}

/**
 * Violations in `items` (in the order given). `competenceCount` is the number of competences the
 * sequence can cover first (16 on a complete bank).
 */
export function checkBlueprint(items: readonly FlashItem[], competenceCount = 16): BlueprintViolation[] {
  const violations: BlueprintViolation[] = [];
  const tubes = new Set<string>();
  const competences = new Set<string>();
  items.forEach((item, position) => {
    if (tubes.has(item.tubeId)) {
      violations.push({ rule: 'FLASH-3', position, message: `second item of tube ${item.tubeId}` });
    }
    tubes.add(item.tubeId);
    const previous = items[position - 1];
    if (previous && previous.competenceId === item.competenceId) {
      violations.push({ rule: 'FLASH-5', position, message: `competence ${item.competenceId} twice running` });
    }
    if (position < competenceCount && competences.has(item.competenceId)) {
      violations.push({ rule: 'FLASH-4', position, message: `competence ${item.competenceId} again before all were covered` });
    }
    competences.add(item.competenceId);
  });
  return violations;
}
