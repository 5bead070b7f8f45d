/** Precision and exposure figures of a simulation run ([FLASH-15]). */
import type { SimulatedExaminee } from './simulate.ts';

export interface SimulationMetrics {
  examinees: number;
  /** √mean((estimate − θ)²), logits. */
  rmse: number;
  /** mean(estimate − θ), logits. */
  bias: number;
  /** Mean posterior SD, logits. */
  meanSem: number;
  /** Highest share of examinees who got one item. */
  maxExposure: number;
  /** Id of that item. */
  mostExposedItem: string;
  /** Share of bank items never given. */
  unusedShare: number;
}

export function simulationMetrics(examinees: readonly SimulatedExaminee[], bankSize: number): SimulationMetrics {
  const n = examinees.length;
  let squared = 0;
  let error = 0;
  let sem = 0;
  const counts = new Map<string, number>();
  for (const examinee of examinees) {
    const delta = examinee.estimate - examinee.theta;
    squared += delta * delta;
    error += delta;
    sem += examinee.sem;
    for (const id of examinee.items) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let maxCount = 0;
  let mostExposedItem = '';
  for (const [id, count] of counts) {
    if (count > maxCount) {
      maxCount = count;
      mostExposedItem = id;
    }
  }
  return {
    examinees: n,
    rmse: Math.sqrt(squared / n),
    bias: error / n,
    meanSem: sem / n,
    maxExposure: maxCount / n,
    mostExposedItem,
    unusedShare: bankSize === 0 ? 0 : (bankSize - counts.size) / bankSize,
  };
}
