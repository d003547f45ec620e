import { describe, expect, it } from 'vitest';
import { comparePiecewise, parsePiecewise } from './piecewise.js';
import { verifyAnswer } from './verify.js';

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
  it('calls overlapping branches with different values and a partial prediction different', () => {
    const overlap = '\\begin{cases} x^2 & x \\ge 0 \\\\ 5 & x \\ge 0 \\\\ -x^2 & x < 0 \\end{cases}';
    expect(comparePiecewise(signedSquare, overlap)?.verdict).toBe('not_equal');
    expect(comparePiecewise('x|x|', overlap)?.verdict).toBe('not_equal');
    const partial = '\\begin{cases} x^2 & 0 \\le x \\le 1 \\\\ -x^2 & -1 \\le x < 0 \\end{cases}';
    expect(comparePiecewise(signedSquare, partial)?.verdict).toBe('not_equal');
    // Branches that meet at a shared end with the same value are one function.
    expect(
      comparePiecewise('|x|', '\\begin{cases} x & x \\ge 0 \\\\ -x & x \\le 0 \\end{cases}')?.verdict,
    ).toBe('equal');
  });
  it('samples around every bound, however many branches come first', () => {
    const rows = Array.from({ length: 9 }, (_, k) => `x^2 & ${k}.5 \\le x < ${k + 1}.5`).join(' \\\\ ');
    const late = `\\begin{cases} x^2 & 0 \\le x < 0.5 \\\\ ${rows} \\\\ 7 & x \\ge 9.5 \\\\ -x^2 & x < 0 \\end{cases}`;
    expect(comparePiecewise(signedSquare, late)?.verdict).toBe('not_equal');
  });
  it('reads decimal bounds (a full stop in a condition is no sentence end)', () => {
    const step = '\\begin{cases} 1 & x \\ge 1.5 \\\\ 0 & x < 1.5 \\end{cases}';
    expect(
      comparePiecewise(step, '\\begin{cases} 1 & x \\ge \\frac{3}{2} \\\\ 0 & \\text{otherwise} \\end{cases}')
        ?.verdict,
    ).toBe('equal');
    expect(
      comparePiecewise(step, '\\begin{cases} 1 & x \\ge 2.5 \\\\ 0 & x < 2.5 \\end{cases}')?.verdict,
    ).toBe('not_equal');
  });
  it('leaves what it cannot read to the usual rules', () => {
    expect(
      parsePiecewise('\\begin{cases} 1 & n \\text{ even} \\\\ 0 & n \\text{ odd} \\end{cases}'),
    ).toBeUndefined();
    expect(comparePiecewise('x^2', 'x|x|')).toBeUndefined();
  });

  // Found by verdict identity: a list against a piecewise gold threw "sequence" out of the verifier.
  it('takes a list for no function of the variable, and never throws on one', () => {
    expect(comparePiecewise(signedSquare, '120, 130')).toBeUndefined();
    expect(comparePiecewise(signedSquare, '(1, 2)')).toBeUndefined();
    expect(verifyAnswer(signedSquare, '120, 130').verdict).toBe('not_equal');
  });
});
