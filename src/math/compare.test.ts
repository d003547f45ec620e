import { beforeAll, describe, expect, it } from 'vitest';
import { Budget } from './budget.js';
import { compareValues } from './compare.js';
import { isTerminating } from './compare-number.js';
import { runGuardedCas } from './guarded-cas.js';
import { normalizeAnswer } from './normalize.js';
import { DEFAULT_MATH_VERIFY_OPTIONS, type MathVerifyOptions } from './options.js';
import { parseAnswer } from './parse-answer.js';
import type { MathValue } from './value.js';
import { verifyAnswer } from './verify.js';

function value(text: string): MathValue {
  const normalized = normalizeAnswer(text);
  const parsed = parseAnswer(normalized.text, normalized.percent);
  if (parsed === undefined) throw new Error(`does not parse: ${text}`);
  return parsed;
}

function verdict(gold: string, pred: string, options: Partial<MathVerifyOptions> = {}) {
  return compareValues(value(gold), value(pred), {
    options: { ...DEFAULT_MATH_VERIFY_OPTIONS, ...options },
    budget: new Budget(performance.now() + 5_000),
  });
}

const cases: [string, string, string, 'equal' | 'not_equal'][] = [
  ['integers', '18', '18.0', 'equal'],
  ['integers', '18', '19', 'not_equal'],
  ['closed interval gold, bare ends', '[1, 3]', '1, 3', 'not_equal'],
  ['closed interval gold, inequality', '[1, 3]', '1 \\le x \\le 3', 'equal'],
  ['point gold, bare coordinates', '(1, 3)', '1, 3', 'equal'],
  ['fractions', '\\frac{1}{2}', '0.5', 'equal'],
  ['fractions', '\\frac{2}{4}', '\\frac{1}{3}', 'not_equal'],
  ['big integers', '2^{64}', '18446744073709551616', 'equal'],
  ['big integers', '2^{64}', '18446744073709551615', 'not_equal'],
  ['tiny values', '\\frac{1}{2^{99}}', '\\frac{1}{2^{98}}', 'not_equal'],
  ['scientific', '1500', '1.5\\times10^{3}', 'equal'],
  ['percent', '50\\%', '0.5', 'equal'],
  ['percent', '50\\%', '0.05', 'not_equal'],
  ['radicals', '\\frac{\\sqrt{3}}{2}', '\\frac{1}{2}\\sqrt{3}', 'equal'],
  ['radicals', '\\sqrt{8}', '2\\sqrt{3}', 'not_equal'],
  ['pi and e', '2\\pi', '\\pi+\\pi', 'equal'],
  ['pi and e', '1-\\frac{1}{e}', '1+\\frac{1}{e}', 'not_equal'],
  ['trig and log', '\\log_2 8', '3', 'equal'],
  ['trig and log', '\\sin^2 x + \\cos^2 x', '1', 'equal'],
  ['trig and log', '\\sin(2x)', '2\\sin x', 'not_equal'],
  ['algebra', '(x+1)^2', 'x^2+2x+1', 'equal'],
  ['algebra', '(x+1)^2', 'x^2+1', 'not_equal'],
  ['absolute value', '|x|', 'x', 'not_equal'],
  ['complex', '1+2i', '2i+1', 'equal'],
  ['complex', '1+2i', '1-2i', 'not_equal'],
  ['sets', '\\{1,2\\}', '\\{2,1\\}', 'equal'],
  ['sets', '\\{1,2\\}', '\\{1,3\\}', 'not_equal'],
  ['several answers', '2, 3', '\\{3,2\\}', 'equal'],
  ['several answers', '2, 3', '2', 'not_equal'],
  ['tuples', '(1,2)', '(1, 2)', 'equal'],
  ['tuples', '(1,2)', '(2,1)', 'not_equal'],
  ['intervals', '[1,2)', '[1, 2)', 'equal'],
  ['intervals', '[1,2)', '[1,2]', 'not_equal'],
  ['intervals', '[-4,0]', '(-4,0)', 'not_equal'],
  ['unions', '(-\\infty,1)\\cup(2,\\infty)', '(2,\\infty)\\cup(-\\infty,1)', 'equal'],
  ['inequalities', 'x \\le 3', '(-\\infty, 3]', 'equal'],
  ['inequalities', 'x < 3', '(-\\infty, 3]', 'not_equal'],
  ['inequalities', '2 < x', 'x > 2', 'equal'],
  ['equations', 'x = 2', '2', 'equal'],
  ['equations', '2', 'x = 2', 'equal'],
  ['equations', '2', '2x = 4', 'not_equal'],
  ['equations', 'x = 2', 'x + 1 = 3', 'not_equal'],
  ['equations', 'x+1=2', 'x=3', 'not_equal'],
  ['equations', '2x+4y-3=0', 'y = -\\frac{1}{2}x + \\frac{3}{4}', 'equal'],
  ['equations', '3x - y + 13 = 0', '3x + 4y + 14 = 0', 'not_equal'],
  [
    'matrices',
    '\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}',
    '\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}',
    'equal',
  ],
  [
    'matrices',
    '\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}',
    '\\begin{pmatrix}1&2\\\\4&3\\end{pmatrix}',
    'not_equal',
  ],
  ['vectors', '\\begin{pmatrix}1\\\\2\\end{pmatrix}', '(1, 2)', 'equal'],
  ['plus-minus', '\\pm 2', '2, -2', 'equal'],
  ['plus-minus', '\\pm 2', '2', 'not_equal'],
  ['equations', 'f(x) = 2x+1', '2x+1', 'equal'],
  ['equations', 'f(x) = 2x+1', 'f(x) = 1 + 2x', 'equal'],
  ['equations', 'f(x) = 2x+1', '2x+2', 'not_equal'],
  ['inverse trig', '\\tan^{-1}(1)', '\\frac{\\pi}{4}', 'equal'],
  ['base subscripts', '1011_2', '1011', 'equal'],
  ['feet and inches marks', "16''", '16', 'equal'],
  ['angle-bracket vectors', '(1,2,3)', '\\langle 1,2,3 \\rangle', 'equal'],
  ['angle-bracket vectors', '(1,2,3)', '\\langle 1,3,2 \\rangle', 'not_equal'],
  ['units after pi', '12\\pi', '12\\pi \\text{ square units}', 'equal'],
  ['text', '\\text{Monday}', 'monday', 'equal'],
  ['text', '\\text{Monday}', 'Tuesday', 'not_equal'],
];

describe('compareValues', () => {
  it.each(cases)('%s: gold %s vs pred %s is %s', (_class, gold, pred, expected) => {
    expect(verdict(gold, pred).verdict).toBe(expected);
  });

  beforeAll(() => {
    // compute-engine loads in its worker once; on a busy machine that takes seconds.
    runGuardedCas({ op: 'parse', latex: 'x' }, 60_000);
    runGuardedCas({ op: 'simplifiesToZero', gold: ['Power', 'x', 2], pred: ['Multiply', 'x', 'x'] }, 60_000);
  });

  it('says which method decided', () => {
    expect(verdict('18', '18').method).toBe('structural');
    expect(verdict('18', '18.0').method).toBe('number');
    expect(verdict('(x+1)^2', 'x^2+2x+1').method).toBe('numeric');
    expect(verdict('(x+1)^2', 'x^2+2x+1', { casCheck: true }).method).toBe('cas+numeric');
  });

  it('applies the precision and tolerance options', () => {
    expect(verdict('\\frac{1}{3}', '0.3333', { decimalRounding: false }).verdict).toBe('not_equal');
    expect(verdict('\\frac{1}{3}', '0.3333').verdict).toBe('equal');
    expect(verdict('\\frac{1}{3}', '0.3334').verdict).toBe('not_equal');
    expect(verdict('\\frac{1}{3}', '0.3333', { precision: 4 }).verdict).toBe('equal');
    expect(verdict('100', '100.5', { relativeTolerance: 0.01 }).verdict).toBe('equal');
    expect(verdict('12345.67', '12345.68').verdict).toBe('not_equal');
  });

  it('reads percent as a fraction only when asked', () => {
    expect(verdict('50', '50\\%').verdict).toBe('equal');
    expect(verdict('50', '50\\%', { percent: 'fraction' }).verdict).toBe('not_equal');
  });

  it('is undecidable, not equal, when overflowing values have different forms', () => {
    expect(verdict('10^{100000}', '10^{99999}').verdict).not.toBe('equal');
  });

  it('throws DeadlineExceeded when the budget is spent', () => {
    expect(() =>
      compareValues(value('(x+1)^2'), value('x^2+2x+1'), {
        options: DEFAULT_MATH_VERIFY_OPTIONS,
        budget: new Budget(performance.now() - 1),
      }),
    ).toThrow(/deadline/);
  });
});

describe('compareValues: labels, several answers, intervals, precision, operators (issue 9)', () => {
  it.each([
    ['(a, b) = (3, 2)', '(3, 2)', 'equal'],
    ['(a, b) = (3, 2)', 'b = 2, a = 3', 'equal'],
    ['(a, b) = (3, 2)', 'a = 2, b = 3', 'not_equal'],
    ['|PQ| = 1', '1', 'equal'],
    ['|PQ| = 1', 'PQ = 1', 'equal'],
    ['A:B = 7:32', '14:64', 'equal'],
    ['A:B = 7:32', '32:7', 'not_equal'],
    ['AB = 4', 'CD = 4', 'not_equal'],
    ['S_{ABC} = 12', '12', 'equal'],
    ['f(2) = 5', '5', 'equal'],
    ['1', 'x + 1 = 2', 'not_equal'],
    ['2', '2x = 4', 'not_equal'],
  ])('label rule: gold %s, prediction %s -> %s', (gold, pred, expected) => {
    expect(verdict(gold, pred).verdict).toBe(expected);
  });

  it('says whether several answers were compared as a set or in order', () => {
    expect(verdict('\\{1, 3\\}', '{3, 1}').reason).toMatch(/order-free/);
    expect(verdict('(1, 3)', '(1, 3)').verdict).toBe('equal');
    expect(verdict('(1, 2, 3)', '(1, 2, 3)').verdict).toBe('equal');
    expect(verdict('(1, 2, 3)', '(3, 2, 1)').verdict).toBe('not_equal');
    expect(verdict('(1, 2, 4)', '(1, 2, 4)', {}).verdict).toBe('equal');
    expect(verdict('\\pm 5', '\\{-5, 5\\}').verdict).toBe('equal');
  });

  it.each([
    ['0 < f(x) < 1', '(0, 1)', 'equal'],
    ['1 \\le |z| \\le 2', '[-2, -1] \\cup [1, 2]', 'equal'],
    ['1 \\le |z| \\le 2', '[1, 2]', 'not_equal'],
    ['(-\\infty, -1) \\cup (1, \\infty)', '|x| > 1', 'equal'],
    ['(-\\infty, -1) \\cup (1, \\infty)', 'x < -1, x > 1', 'equal'],
    ['(-3, 3)', '|x| \\le 3', 'not_equal'],
  ])('intervals: gold %s, prediction %s -> %s', (gold, pred, expected) => {
    expect(verdict(gold, pred).verdict).toBe(expected);
  });

  it('accepts a decimal rounded to its places, in both directions and inside structures', () => {
    expect(verdict('\\frac{8}{3}', '2.6667').method).toBe('rounded-decimal');
    expect(verdict('2.6667', '\\frac{8}{3}').verdict).toBe('equal');
    expect(verdict('\\frac{8}{3}', '2.6666').verdict).toBe('not_equal');
    expect(verdict('(\\frac{3}{5}, \\frac{8}{3}]', '(0.6, 2.6667]').verdict).toBe('equal');
    expect(verdict('\\frac{1}{3}', '0.3').verdict).toBe('not_equal');
    expect(verdict('\\frac{1}{3}', '0.3', { decimalRoundingMinPlaces: 1 }).verdict).toBe('equal');
    expect(verdict('\\frac{1}{3}', '0.33', { decimalRounding: false }).verdict).toBe('not_equal');
    expect(verdict('0.33', '0.333').verdict).toBe('not_equal');
  });

  it.each([
    ['6', '\\gcd(12, 18)', 'equal'],
    ['12', 'lcm(4, 6)', 'equal'],
    ['3', '\\lceil 7/2 \\rceil', 'not_equal'],
    ['120', '5!', 'equal'],
    ['385', '\\sum_{k=1}^{10} k^2', 'equal'],
    ['\\frac{1}{3}', '\\int_0^1 x^2 dx', 'equal'],
    ['v_0 t', 't v_0', 'equal'],
    ['v_0 t', 'v_1 t', 'not_equal'],
  ])('operators: gold %s, prediction %s -> %s', (gold, pred, expected) => {
    expect(verdict(gold, pred).verdict).toBe(expected);
  });

  it('compares both parts of complex numbers and shows both in the reason', () => {
    expect(verdict('i', '(-1)^{1/2}').verdict).toBe('equal');
    const different = verdict('-i', '(-1)^{1/2}');
    expect(different.verdict).toBe('not_equal');
    expect(different.reason).toContain('0 - 1i');
    expect(different.reason).toContain('0 + 1i');
  });

  it('honours the deadline inside long evaluations', () => {
    const started = performance.now();
    let outcome: string;
    try {
      outcome = compareValues(value('1'), value('\\sum_{j=1}^{300} \\sum_{k=1}^{300} \\frac{1}{jk}'), {
        options: DEFAULT_MATH_VERIFY_OPTIONS,
        budget: new Budget(performance.now() + 20),
      }).verdict;
    } catch (error) {
      outcome = (error as Error).message;
    }
    expect(outcome).toMatch(/deadline|undecidable/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('is undecidable, never a verdict, for sums too long to add and without a closed form', () => {
    expect(verdict('21', '\\sum_{k=1}^{1000000000} \\frac{1}{k}').verdict).toBe('undecidable');
    expect(verdict('500000000500000000', '\\sum_{k=1}^{1000000000} k').verdict).toBe('equal');
  });
});

describe('isTerminating', () => {
  it('is true exactly for denominators 2^a 5^b, however large', () => {
    const terminating = (denominator: bigint) => isTerminating({ numerator: 1n, denominator });
    expect([1n, 2n, 5n, 10n, 625n, 2n ** 4000n, 10n ** 1480n].every(terminating)).toBe(true);
    expect([3n, 6n, 15n, 5n ** 257n * 3n, 10n ** 1480n * 7n].some(terminating)).toBe(false);
  });
});

describe('kinks and decreasing brackets (graders round 10)', () => {
  it('compares functions with a kink outside the sample points at wide points too', () => {
    // `|x + 10| - 10` is x on (0.5, 3.5) and -x - 20 below -10 (Doenet's math-expressions spec).
    expect(verifyAnswer('x', 'abs(x+10)-10').verdict).toBe('not_equal');
    expect(verifyAnswer('abs(x+11)-11', 'abs(x+10)-10').verdict).toBe('not_equal');
    expect(verifyAnswer('x^2', '\\max(x^2, 0.25)').verdict).toBe('not_equal');
    expect(verifyAnswer('|2x-0.1|', '|x|+|x-0.1|').verdict).toBe('not_equal');
    // No further out than 100: a correct form that cancels (off by 1e-5 at x = 417) stays equal.
    expect(verifyAnswer('1/(sqrt(x^4+1)+x^2)', 'sqrt(x^4+1)-abs(x)^2').verdict).toBe('equal');
    expect(verifyAnswer('\\max(x, 10)', '\\max(x, 5)').verdict).toBe('not_equal');
    // Equal forms stay equal everywhere.
    expect(verifyAnswer('|x|', '\\sqrt{x^2}').verdict).toBe('equal');
    expect(verifyAnswer('\\max(x, 2)', '\\max(2, x)').verdict).toBe('equal');
    expect(verifyAnswer('|x-1|+|x+1|', '|x+1|+|x-1|').verdict).toBe('equal');
  });
  it('reads a bracketed pair whose ends decrease as a list, not an interval', () => {
    expect(verifyAnswer('[4.8, 2.28]', '4.8, 2.28').verdict).toBe('equal');
    expect(verifyAnswer('[4.8, 2.28]', '2.28, 4.8').verdict).toBe('not_equal');
    // An increasing pair is still an interval with closed ends.
    expect(verifyAnswer('[1, 2]', '1, 2').verdict).toBe('not_equal');
  });
});

describe('functions real only on [-1, 1] (graders round 11)', () => {
  it('compares arcsine and arccosine inside their domain too', () => {
    // isaacphysics/equality-checker's tests: an identity with arcsin and arccos beside sin^2 + cos^2.
    const gold = '1 + tan(x) + arcsin(x) + arccos(x) + arctan(x)';
    const response = 'arcsin(x) + arccos(x) + arctan(x) + sin(x)**2 + cos(x)**2 + tan(x)';
    expect(verifyAnswer(gold, response).verdict).toBe('equal');
    expect(verifyAnswer('\\arccos(x)', '\\frac{\\pi}{2}-\\arcsin(x)').verdict).toBe('equal');
    expect(verifyAnswer('\\arcsin(2x)', '2\\arcsin(x)').verdict).toBe('not_equal');
  });
});
