import { describe, expect, it } from 'vitest';
import { simulationMetrics } from './simulation-metrics.ts';

describe('simulation metrics', () => {
  it('[FLASH-15] computes RMSE, bias, mean SEM and the highest exposure', () => {
    const metrics = simulationMetrics(
      [
        { theta: 0, estimate: 0.3, sem: 0.2, items: ['a', 'b'] },
        { theta: 1, estimate: 0.9, sem: 0.4, items: ['a', 'c'] },
      ],
      4,
    );
    expect(metrics.rmse).toBeCloseTo(Math.sqrt((0.09 + 0.01) / 2), 12);
    expect(metrics.bias).toBeCloseTo(0.1, 12);
    expect(metrics.meanSem).toBeCloseTo(0.3, 12);
    expect(metrics.maxExposure).toBe(1);
    expect(metrics.mostExposedItem).toBe('a');
    expect(metrics.unusedShare).toBe(0.25);
  });
});
