import { describe, expect, it } from 'vitest';
import { rewriteCountingNotation } from './counting-notation.js';

describe('rewriteCountingNotation', () => {
  it('reads the textbook notations of C(10, 3) = 120 and P(10, 3) = 720', () => {
    expect(rewriteCountingNotation('C(10, 3)')).toBe('(120)');
    expect(rewriteCountingNotation('C_{10}^{3}')).toBe('(120)');
    expect(rewriteCountingNotation('C^3_{10}')).toBe('(120)');
    expect(rewriteCountingNotation('C _{10}^{3}')).toBe('(120)');
    expect(rewriteCountingNotation('{}^{10}C_{3}')).toBe('(120)');
    expect(rewriteCountingNotation('{}_{10}C_3')).toBe('(120)');
    expect(rewriteCountingNotation('A_{10}^{3}')).toBe('(720)');
    expect(rewriteCountingNotation('P(10,3)')).toBe('(720)');
    expect(rewriteCountingNotation('{}^{5}P_{5}')).toBe('(120)');
    expect(rewriteCountingNotation('C(4,2)+C(4,1)')).toBe('(6)+(4)');
  });

  it('leaves symbols, k > n, a point A(1, 2) and other letters alone', () => {
    expect(rewriteCountingNotation('C(n, 2)')).toBe('C(n, 2)');
    expect(rewriteCountingNotation('C_{n}^{2}')).toBe('C_{n}^{2}');
    expect(rewriteCountingNotation('C(2, 3)')).toBe('C(2, 3)');
    expect(rewriteCountingNotation('A(1, 2)')).toBe('A(1, 2)');
    expect(rewriteCountingNotation('B_{10}^{3}')).toBe('B_{10}^{3}');
    expect(rewriteCountingNotation('\\sec(10, 3)')).toBe('\\sec(10, 3)');
  });
});
