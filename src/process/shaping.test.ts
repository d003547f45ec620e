import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { potentialShaping, potentialsFromStepValues } from './shaping.js';

describe('potentialShaping', () => {
  it('F_t = gamma * Phi(s_{t+1}) - Phi(s_t), by hand', () => {
    const shaping = potentialShaping([0, 0.5, 0.8], 0.9);
    expect(shaping[0]).toBeCloseTo(0.45, 12);
    expect(shaping[1]).toBeCloseTo(0.72 - 0.5, 12);
  });

  it('telescopes: sum_t gamma^t F_t = gamma^T Phi(s_T) - Phi(s_0) (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (potentials, gamma) => {
          const shaping = potentialShaping(potentials, gamma);
          const discounted = shaping.reduce((sum, value, t) => sum + gamma ** t * value, 0);
          const steps = potentials.length - 1;
          expect(discounted).toBeCloseTo(
            gamma ** steps * (potentials[steps] as number) - (potentials[0] as number),
            8,
          );
        },
      ),
    );
  });

  it('builds potentials from step values with initial and terminal potentials', () => {
    expect(potentialsFromStepValues([0.5, 0.8], 0.1, 0)).toEqual([0.1, 0.5, 0]);
    expect(potentialsFromStepValues([0.5, 0.8], 0.1, undefined)).toEqual([0.1, 0.5, 0.8]);
  });
});
