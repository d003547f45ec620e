import { describe, expect, it } from 'vitest';
import * as C from './complex.js';
import { tanhSinhIntegral } from './tanh-sinh.js';
import { verifyAnswer } from './verify.js';

const real = (f: (x: number) => number) => (x: number) => C.complex(f(x));

describe('tanhSinhIntegral', () => {
  it('integrates end singularities to double precision', () => {
    // Quarter circle: π/4; ln x on [0, 1]: -1; 1/sqrt(1-x^2) on [-1, 1]: π.
    expect(
      tanhSinhIntegral(
        real((x) => Math.sqrt(1 - x * x)),
        0,
        1,
      )?.re,
    ).toBeCloseTo(Math.PI / 4, 12);
    expect(tanhSinhIntegral(real(Math.log), 0, 1)?.re).toBeCloseTo(-1, 12);
    expect(
      tanhSinhIntegral(
        real((x) => Math.sqrt(x)),
        0,
        1,
      )?.re,
    ).toBeCloseTo(2 / 3, 12);
  });

  it('refuses an inverse square root at an end: its terms near the end are not negligible in double precision', () => {
    // 1/sqrt(1-x^2) on [-1, 1] is π, but x rounds to the end before the terms vanish (the sum
    // would be off by about 1e-8): undefined, not a loose value.
    expect(
      tanhSinhIntegral(
        real((x) => 1 / Math.sqrt(1 - x * x)),
        -1,
        1,
      ),
    ).toBeUndefined();
  });

  it('integrates smooth functions too', () => {
    expect(
      tanhSinhIntegral(
        real((x) => x * x),
        0,
        3,
      )?.re,
    ).toBeCloseTo(9, 12);
  });

  it('refuses a divergent integral and a non-finite value inside', () => {
    expect(
      tanhSinhIntegral(
        real((x) => 1 / x),
        0,
        1,
      ),
    ).toBeUndefined();
    expect(
      tanhSinhIntegral(
        real((x) => 1 / (x - 0.5)),
        0,
        1,
      ),
    ).toBeUndefined();
    expect(
      tanhSinhIntegral(
        real(() => Number.NaN),
        0,
        1,
      ),
    ).toBeUndefined();
    expect(
      tanhSinhIntegral(
        real((x) => x),
        1,
        0,
      ),
    ).toBeUndefined();
  });
});

describe('integrals with an end singularity', () => {
  it.each([
    ['\\frac{\\pi}{4}', '\\int_0^1 \\sqrt{1-x^2}\\,dx'],
    ['-1', '\\int_0^1 \\ln x\\,dx'],
    ['\\frac{2}{3}', '\\int_0^1 \\sqrt{x}\\,dx'],
  ])('gold %j, %j is equal', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).toBe('equal');
  });

  it.each([
    ['\\frac{\\pi}{2}', '\\int_0^1 \\sqrt{1-x^2}\\,dx'],
    ['1', '\\int_0^1 \\ln x\\,dx'],
    ['1', '\\int_0^1 \\frac{1}{x}\\,dx'],
  ])('gold %j, %j is not equal', (gold, response) => {
    expect(verifyAnswer(gold, response).verdict).not.toBe('equal');
  });
});
