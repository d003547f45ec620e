import { describe, expect, it } from 'vitest';
import { parseAnswer } from './parse-answer.js';
import { asSetOperand } from './set-operations.js';
import { verifyAnswer } from './verify.js';

const verdict = (gold: string, response: string) => verifyAnswer(gold, response).verdict;

describe('set operations on intervals and finite sets', () => {
  it('joins pieces that overlap or touch at an end one of them holds', () => {
    // WeBWorK's tests (graders' round 14): (1,5] ∪ [2,7) = (1,7).
    expect(verdict('(1,7)', '(1,5] \\cup [2,7)')).toBe('equal');
    expect(verdict('(1,7)', '(1,5] U [2,7)')).toBe('equal');
    expect(verdict('(1,3)', '(1,2] \\cup (2,3)')).toBe('equal');
    expect(verdict('(-\\infty, \\infty)', '(-\\infty, 1] \\cup (0, \\infty)')).toBe('equal');
    // Open at the same point on both sides: 2 is left out.
    expect(verdict('(1,3)', '(1,2) \\cup (2,3)')).toBe('not_equal');
    expect(verdict('(1,7)', '(1,5] \\cup [2,8)')).toBe('not_equal');
    // A piece inside another adds nothing.
    expect(verdict('[0,10]', '[0,10] \\cup (2,3)')).toBe('equal');
  });

  it('intersects intervals and finite sets', () => {
    expect(verdict('[2,5]', '(1,5] \\cap [2,7)')).toBe('equal');
    expect(verdict('[2,5)', '(1,5] \\cap [2,7)')).toBe('not_equal');
    expect(verdict('[4,7)', '(-infinity,7) ∩ [4,infinity)')).toBe('equal');
    // sympy's tests (graders' round 13): {1, 2} ∩ {2, 3} = {2}.
    expect(verdict('\\{2\\}', '{1, 2} ∩ {2, 3}')).toBe('equal');
    expect(verdict('\\{1\\}', '{1, 2} ∩ {2, 3}')).toBe('not_equal');
    // Two pieces: [0,1] ∪ [2,3] against [0.5, 2.5] is [0.5,1] ∪ [2,2.5].
    expect(verdict('[0.5,1] \\cup [2,2.5]', '([0,1] \\cup [2,3]) \\cap [0.5,2.5]')).toBe('equal');
  });

  it('removes an interval or a finite set from another', () => {
    // WeBWorK: (0,6] − (0,2] = (2,6]; (0,6] − (−2,2] = (2,6]; [0,6] − (1,2) = [0,1] ∪ [2,6].
    expect(verdict('(2,6]', '(0,6]-(0,2]')).toBe('equal');
    expect(verdict('(2,6]', '(0,6]-(-2,2]')).toBe('equal');
    expect(verdict('[0,1]U[2,6]', '[0,6]-(1,2)')).toBe('equal');
    expect(verdict('[0,1)U(2,6]', '[0,6]-(1,2)')).toBe('not_equal');
    expect(verdict('[2,6]', '(0,6] \\setminus (0,2)')).toBe('equal');
    expect(verdict('\\{1\\}', '{1, 2} - {2, 3}')).toBe('equal');
    expect(verdict('\\{1, 2\\}', '\\{1, 2, 3\\} \\setminus \\{3\\}')).toBe('equal');
  });

  it('joins finite sets in bare braces', () => {
    expect(verdict('\\left\\{1, 2\\right\\}', '{1} ∪ {2}')).toBe('equal');
    expect(asSetOperand(' {1, 2} ')).toBe('\\{1, 2\\}');
    // `{1}+{2}` is no single braced group.
    expect(asSetOperand('{1}+{2}')).toBe('{1}+{2}');
  });

  it('reads a difference inside a union as WeBWorK does, and refuses the ambiguous order (red team of stop 40)', () => {
    // `-` binds tighter than `U`: (0,6] - (0,2] U (3,4) is (2,6] U (3,4) = (2,6].
    expect(verdict('(2,6]', '(0,6] - (0,2] U (3,4)')).toBe('equal');
    expect(verdict('(2,3] \\cup [4,6]', '(0,6] - (0,2] U (3,4)')).toBe('not_equal');
    // A ∪ B ∖ C reads two ways: no answer.
    expect(verdict('\\{1,2,3\\}', '{1,2} ∪ {2,3} ∖ {1}')).not.toBe('equal');
    expect(verdict('\\{2,3\\}', '{1,2} ∪ {2,3} ∖ {1}')).not.toBe('equal');
    expect(verdict('[0,3) \\cup (5,10]', '[0,10] \\setminus [0,5] \\cap [3,8]')).not.toBe('equal');
    // `{2,5}` may be a decimal comma: no set difference without a space after the comma.
    expect(verdict('2', '{2,5} - {1,5}')).not.toBe('equal');
  });

  it('gives the empty set for disjoint operands', () => {
    expect(verdict('\\emptyset', '(1,2) \\cap (3,4)')).toBe('equal');
    expect(verdict('\\emptyset', '(0,1] \\setminus (0,3]')).toBe('equal');
    expect(verdict('\\emptyset', '\\{1\\} \\cap \\{2\\}')).toBe('equal');
  });

  it('reads TeX groups as groups: {10} - {3} is 7, a set difference needs items or escaped braces', () => {
    expect(verdict('7', '{10} - {3}')).toBe('equal');
    expect(verdict('10', '{10} - {3}')).toBe('not_equal');
    expect(verdict('\\{1\\}', '\\{1,2\\} - \\{2\\}')).toBe('equal');
    expect(verdict('(-\\infty,-4] \\cup [1,\\infty)', '(-\\infty,\\infty) - (-4,1)')).toBe('equal');
  });

  it('does not order ends or items equal as doubles but written differently (red team of stop 40)', () => {
    expect(verdict('[0,2]', '[0,\\sqrt{2}) \\cup [1.4142135623730951,2]')).not.toBe('equal');
    expect(verdict('(0,2)', '(0,1] \\cup (1+10^{-20},2)')).not.toBe('equal');
    expect(verdict('\\{10^{20}\\}', '\\{10^{20}\\} \\cap \\{10^{20}+1\\}')).not.toBe('equal');
    expect(verdict('\\{1\\}', '\\{1\\} \\cap \\{1.0000000000000001\\}')).not.toBe('equal');
    // Exact numbers written alike are one end: (1,2] and (2,3) join at 2.
    expect(verdict('(1,3)', '(1,2] \\cup (2.0,3)')).toBe('equal');
  });

  it('reads ends with letters as written, and a tuple difference as arithmetic', () => {
    expect(parseAnswer('(a, b] \\cap [c, d)', false)).toBeUndefined();
    // `(1,2)-(3,4)` may be vectors: no bracket is square, so it is no set difference.
    expect(verdict('(-2,-2)', '(1,2)-(3,4)')).not.toBe('equal');
    expect(parseAnswer('(1,2)-(3,4)', false)?.kind).not.toBe('interval');
  });
});
