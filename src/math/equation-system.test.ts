import { describe, expect, it } from 'vitest';
import { systemAsList } from './equation-system.js';
import { verifyAnswer } from './verify.js';

describe('systemAsList', () => {
  it('lists the equations of a cases, aligned or array system', () => {
    expect(systemAsList('\\begin{cases} a+b=1 \\\\ a-b=2 \\end{cases}')).toBe('a+b=1, a-b=2');
    expect(systemAsList('\\begin{aligned} x &= 1, \\\\ y &= 2. \\end{aligned}')).toBe('x = 1, y = 2');
    expect(systemAsList('\\left\\{\\begin{array}{l} x=1 \\\\ y=2 \\end{array}\\right.')).toBe('x=1, y=2');
  });

  it('leaves a piecewise function, rows without a relation and other text alone', () => {
    expect(systemAsList('\\begin{cases} x & x > 0 \\\\ -x & x \\le 0 \\end{cases}')).toBeUndefined();
    expect(systemAsList('\\begin{cases} 1 \\\\ 2 \\end{cases}')).toBeUndefined();
    expect(systemAsList('f(x) = \\begin{cases} 1 \\\\ 2 \\end{cases}')).toBeUndefined();
  });

  it('compares a system as its equations, in any order (MARIO_EVAL test_is_equiv_matrix)', () => {
    const gold = '\\begin{cases} a+b=\\frac12 \\\\ a-b=\\sqrt3 \\end{cases}';
    expect(verifyAnswer(gold, '\\begin{cases} a-b=\\sqrt{3} \\\\ b+a=1/2\\end{cases}').verdict).toBe('equal');
    expect(verifyAnswer(gold, 'a+b=\\frac12, a-b=\\sqrt3').verdict).toBe('equal');
    expect(verifyAnswer(gold, '\\begin{cases} a+b=\\frac12 \\\\ a-b=\\sqrt2 \\end{cases}').verdict).toBe(
      'not_equal',
    );
  });
  it('joins rows that open with their relation into one chain (a derivation)', () => {
    expect(systemAsList('\\begin{aligned} x &= 2+3 \\\\ &= 5 \\end{aligned}')).toBe('x = 2+3 = 5');
    expect(systemAsList('\\begin{aligned} x &= 1 \\\\ y &= 2 \\end{aligned}')).toBe('x = 1, y = 2');
    expect(verifyAnswer('5', 'So $$\\begin{aligned} x &= 2+3 \\\\ &= 5 \\end{aligned}$$').verdict).toBe(
      'equal',
    );
    expect(verifyAnswer('6', 'So $$\\begin{aligned} x &= 2+3 \\\\ &= 5 \\end{aligned}$$').verdict).toBe(
      'not_equal',
    );
    const expanded = 'Expanding, $$\\begin{aligned} (x+1)^2 &= (x+1)(x+1) \\\\ &= x^2+2x+1 \\end{aligned}$$';
    expect(verifyAnswer('x^2+2x+1', expanded).verdict).toBe('equal');
  });
});
