/**
 * Synthetic item banks for simulations and benchmarks: every competence with the same number of tubes,
 * items dealt to tubes in turn, b ~ N(0, bSd) and a uniform in [aMin, aMax]. Deterministic given the seed.
 */
import { createRandom, normal } from '../random.ts';
import { COMPETENCE_IDS } from '../referential.ts';
import type { FlashItem } from './flash-item.ts';

export interface SyntheticBankOptions {
  items: number;
  tubesPerCompetence: number;
  bSd: number;
  aMin: number;
  aMax: number;
  seed: string;
}

/** The reference bank of the precision targets: 300 items, 16 competences × 5 tubes, b ~ N(0, 1.2), a ∈ [0.8, 2.0]. */
export const REFERENCE_BANK: SyntheticBankOptions = {
  items: 300,
  tubesPerCompetence: 5,
  bSd: 1.2,
  aMin: 0.8,
  aMax: 2.0,
  seed: 'reference-bank',
};

export function syntheticBank(options: SyntheticBankOptions): FlashItem[] {
  const random = createRandom(options.seed);
  const tubes = COMPETENCE_IDS.flatMap((competenceId) =>
    Array.from({ length: options.tubesPerCompetence }, (_, t) => ({ competenceId, tubeId: `@${competenceId}-tube${t + 1}` })),
  );
  return Array.from({ length: options.items }, (_, i) => {
    const tube = tubes[i % tubes.length] ?? { competenceId: '1.1' as const, tubeId: '@1.1-tube1' };
    return {
      id: `item-${i + 1}`,
      a: options.aMin + (options.aMax - options.aMin) * random.next(),
      b: normal(random, 0, options.bSd),
      competenceId: tube.competenceId,
      tubeId: tube.tubeId,
    };
  });
}
