import { describe, expect, it } from 'vitest';
import { eNotationAsPowers } from './e-notation-literal.js';
import { verifyAnswer } from './verify.js';

describe('eNotationAsPowers', () => {
  it('writes a literal standing alone as a power of ten', () => {
    expect(eNotationAsPowers('1E-50*x')).toBe('(1\\cdot10^{-50})*x');
    expect(eNotationAsPowers('1.6e-19 V + 3E+8')).toBe('(1.6\\cdot10^{-19}) V + (3\\cdot10^{8})');
  });

  it('reads a name right after the exponent as a factor', () => {
    expect(eNotationAsPowers('1E-50x')).toBe('(1\\cdot10^{-50})x');
    expect(eNotationAsPowers('9.8+6.674e-11m')).toBe('9.8+(6.674\\cdot10^{-11})m');
  });

  it('leaves literals glued to a letter or a command before them, and texts without one', () => {
    expect(eNotationAsPowers('x2e-5')).toBe('x2e-5');
    expect(eNotationAsPowers('2e-3.5')).toBe('2e-3.5');
    expect(eNotationAsPowers('e^{x} - 1')).toBe('e^{x} - 1');
    expect(eNotationAsPowers('2E12345')).toBe('2E12345');
  });
});

describe('verifyAnswer with e-notation inside an expression', () => {
  it.each([
    // Doenet/math-expressions spec/slow_math-expressions.spec, nonequivalences (graders' round 10).
    ['1E-50*cos(x)', '1E-50*sin(x)', 'not_equal'],
    ['1E-50*x', '2E-50*x', 'not_equal'],
    ['1.6E-19 V', '1.6\\times10^{-19}V', 'equal'],
    ['1.5E5+x', '150000+x', 'equal'],
  ])('%s against %s is %s', (gold, response, verdict) => {
    expect(verifyAnswer(gold, response).verdict).toBe(verdict);
  });
});
