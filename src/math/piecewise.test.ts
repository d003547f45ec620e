import { describe, expect, it } from 'vitest';
import { comparePiecewise, parsePiecewise } from './piecewise.js';

const signedSquare = 'f(x) = \\begin{cases} x^2 & x \\ge 0 \\\\ -x^2 & x < 0 \\end{cases}';

describe('comparePiecewise', () => {
  it('compares a piecewise function with a closed form on every branch', () => {
    expect(comparePiecewise(signedSquare, 'x|x|')?.verdict).toBe('equal');
    expect(comparePiecewise(signedSquare, 'x^2')?.verdict).toBe('not_equal');
    expect(
      comparePiecewise('|x|', '\\begin{cases} x & x \\ge 0 \\\\ -x & \\text{otherwise} \\end{cases}')
        ?.verdict,
    ).toBe('equal');
  });
  it('tells closed from open ends at a jump', () => {
    const step = '\\begin{cases} 1 & x \\ge 0 \\\\ 0 & x < 0 \\end{cases}';
    expect(comparePiecewise(step, '\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}')?.verdict).toBe(
      'not_equal',
    );
  });
  it('leaves what it cannot read to the usual rules', () => {
    expect(
      parsePiecewise('\\begin{cases} 1 & n \\text{ even} \\\\ 0 & n \\text{ odd} \\end{cases}'),
    ).toBeUndefined();
    expect(comparePiecewise('x^2', 'x|x|')).toBeUndefined();
  });
});
