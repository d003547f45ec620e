import { describe, expect, it } from 'vitest';
import { freeVariables } from './evaluate.js';
import { lambdaParameters } from './lambda-binding.js';
import type { MathJson } from './value.js';
import { verifyAnswer } from './verify.js';

describe('lambdaParameters', () => {
  it('names the parameters of a lambda, nothing for other expressions', () => {
    expect(lambdaParameters(['Function', ['Divide', ['Sin', 'x'], 'x'], 'x'])).toEqual(['x']);
    expect(lambdaParameters(['Sin', 'x'])).toBeUndefined();
    expect(lambdaParameters('x')).toBeUndefined();
  });

  it('makes a limit variable bound, other names stay free', () => {
    const limit: MathJson = ['Limit', ['Function', ['Divide', ['Sin', 'x'], 'x'], 'x'], 0];
    expect([...freeVariables(limit)]).toEqual([]);
    const withParameter: MathJson = [
      'Limit',
      ['Function', ['Divide', ['Sin', ['Multiply', 'a', 'x']], 'x'], 'x'],
      0,
    ];
    expect([...freeVariables(withParameter)]).toEqual(['a']);
  });

  // inclusionAI/AReaL tests/test_math_verify_reward.py (test_gsm8k_limit_notation).
  it('reads a limit equated to a value as that value', () => {
    const response = '$\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1$';
    expect(verifyAnswer('1', response).verdict).toBe('equal');
    expect(verifyAnswer('2', response).verdict).toBe('not_equal');
  });
});
