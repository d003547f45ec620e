import { describe, expect, it } from 'vitest';
import { gammaAsFactorial } from './gamma-function.js';

describe('gammaAsFactorial', () => {
  it('writes the gamma function as the factorial it continues', () => {
    expect(gammaAsFactorial('\\Gamma(n+1)')).toBe('((n+1) - 1)!');
    expect(gammaAsFactorial('\\Gamma\\left(\\frac{1}{2}\\right)')).toBe('((\\frac{1}{2}) - 1)!');
    expect(gammaAsFactorial('2\\Gamma(x) + \\Gamma((y))')).toBe('2((x) - 1)! + (((y)) - 1)!');
    expect(gammaAsFactorial('\\Gamma(\\Gamma(3))')).toBe('((((3) - 1)!) - 1)!');
  });

  it('leaves Γ as a variable and unmatched parentheses alone', () => {
    expect(gammaAsFactorial('\\Gamma_1 + 2')).toBe('\\Gamma_1 + 2');
    expect(gammaAsFactorial('\\Gamma x')).toBe('\\Gamma x');
    expect(gammaAsFactorial('\\Gamma(n+1')).toBe('\\Gamma(n+1');
  });
});
