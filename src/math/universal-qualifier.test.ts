import { describe, expect, it } from 'vitest';
import { withoutUniversalQualifier } from './universal-qualifier.js';

describe('withoutUniversalQualifier', () => {
  it('drops an unrestricted closing "for all x"', () => {
    expect(withoutUniversalQualifier('f(x) = x for all x \\in (-\\infty, \\infty)')).toBe('f(x) = x');
    expect(withoutUniversalQualifier('f(n) = n, \\forall n \\in \\mathbb{N}')).toBe('f(n) = n');
    expect(withoutUniversalQualifier('f(x) = 2x + 1 for every real x')).toBe('f(x) = 2x + 1');
  });
  it('keeps a restriction and a letter the answer does not use', () => {
    expect(withoutUniversalQualifier('f(x) = x for all x > 0')).toBe('f(x) = x for all x > 0');
    expect(withoutUniversalQualifier('f(x) = 1 for all y')).toBe('f(x) = 1 for all y');
  });
});
