import { describe, expect, it } from 'vitest';
import { withoutUniversalQualifier } from './universal-qualifier.js';

describe('withoutUniversalQualifier', () => {
  it('drops a closing "for all x"', () => {
    expect(withoutUniversalQualifier('f(x) = x for all x \\in (-\\infty, \\infty)')).toBe('f(x) = x');
    expect(withoutUniversalQualifier('f(n) = n, \\forall n \\in \\mathbb{N}')).toBe('f(n) = n');
    expect(withoutUniversalQualifier('f(x) = 2x + 1 for every real x')).toBe('f(x) = 2x + 1');
  });
  it('drops a restriction of the domain, closing or in front (Math-Verify#64)', () => {
    expect(withoutUniversalQualifier('f(x) = x for all x > 0')).toBe('f(x) = x');
    expect(withoutUniversalQualifier('f(x)=0, \\forall x>0')).toBe('f(x)=0');
    expect(withoutUniversalQualifier('f(x) = 1/x for all positive real numbers x')).toBe('f(x) = 1/x');
    expect(withoutUniversalQualifier('f(x) = x^2 \\forall x \\in \\mathbb{R}^+')).toBe('f(x) = x^2');
    expect(withoutUniversalQualifier('f(x) = x \\forall x \\in (0, \\infty)')).toBe('f(x) = x');
    expect(withoutUniversalQualifier('\\forall x>0, f(x) = 0')).toBe('f(x) = 0');
    expect(withoutUniversalQualifier('For all x \\geq 1: f(x) = x - 1')).toBe('f(x) = x - 1');
  });
  it('keeps a letter the answer does not use, and a condition that is not a qualifier', () => {
    expect(withoutUniversalQualifier('f(x) = 1 for all y')).toBe('f(x) = 1 for all y');
    expect(withoutUniversalQualifier('\\forall y > 0, f(x) = 1')).toBe('\\forall y > 0, f(x) = 1');
    expect(withoutUniversalQualifier('f(x) = x for all x > y')).toBe('f(x) = x for all x > y');
  });
  it('keeps an upper bound, a bounded interval, and a restriction on an answer that is no formula of a function (red team of stop 24)', () => {
    expect(withoutUniversalQualifier('f(x) = x for all x <= 0')).toBe('f(x) = x for all x <= 0');
    expect(withoutUniversalQualifier('For all x<0, f(x) = x')).toBe('For all x<0, f(x) = x');
    expect(withoutUniversalQualifier('f(x) = x for all x \\in [1, 1]')).toBe(
      'f(x) = x for all x \\in [1, 1]',
    );
    expect(withoutUniversalQualifier('x = 0 for all x > 0')).toBe('x = 0 for all x > 0');
    expect(withoutUniversalQualifier('x for all x > 0')).toBe('x for all x > 0');
    expect(withoutUniversalQualifier('f(x) = x \\quad \\forall x \\geq 100')).toBe(
      'f(x) = x \\quad \\forall x \\geq 100',
    );
    expect(withoutUniversalQualifier('x = 0 for all x')).toBe('x = 0');
  });
});
