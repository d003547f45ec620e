import { describe, expect, it } from 'vitest';
import { normalizeAnswer } from './normalize.js';
import { parseAnswer } from './parse-answer.js';
import { parseNumberLiteral } from './parse-number.js';
import { rationalToString } from './rational.js';
import { describeValue } from './value.js';

const parse = (text: string) => {
  const normalized = normalizeAnswer(text);
  return parseAnswer(normalized.text, normalized.percent);
};

describe('parseNumberLiteral', () => {
  it.each([
    ['42', '42'],
    ['-0.50', '-1/2'],
    ['.5', '1/2'],
    ['3e-2', '3/100'],
    ['1.5\\times10^{3}', '1500'],
    ['\\frac{3}{4}', '3/4'],
    ['\\frac12', '1/2'],
    ['-\\frac{2}{6}', '-1/3'],
    ['6/8', '3/4'],
    ['2\\frac{1}{2}', '5/2'],
    ['4 1/2', '9/2'],
  ])('%s is exactly %s', (text, expected) => {
    const value = parseNumberLiteral(text, false);
    expect(value?.exact && rationalToString(value.exact)).toBe(expected);
  });

  it('reads a plain integer directly as the general reading does: -0 is 0, leading zeros dropped', () => {
    for (const [text, exact, approx] of [
      ['-0', '0', 0],
      ['007', '7', 7],
      ['-12', '-12', -12],
      ['123456789012345678901234567890', '123456789012345678901234567890', 1.2345678901234568e29],
    ] as const) {
      const value = parseNumberLiteral(text, false);
      expect(value?.exact && rationalToString(value.exact)).toBe(exact);
      expect(Object.is(value?.approx, approx)).toBe(true);
      expect(value?.text).toBe(text);
    }
    expect(parseNumberLiteral('25', true)?.percent).toBe(true);
  });

  it('refuses exponents beyond double range instead of reading them as infinity', () => {
    expect(parseNumberLiteral('1e100000', false)).toBeUndefined();
    expect(parseNumberLiteral('1e2000', false)?.exact).toBeDefined();
  });

  it('rejects non-numbers', () => {
    expect(parseNumberLiteral('x+1', false)).toBeUndefined();
    expect(parseNumberLiteral('1/0', false)).toBeUndefined();
  });
});

describe('parseAnswer', () => {
  it.each([
    ['\\{1, 2\\}', 'set'],
    ['2, 3', 'list'],
    ['(1, 2)', 'tuple'],
    ['[1, 2)', 'interval'],
    ['(-\\infty, 1) \\cup (2, \\infty)', 'interval'],
    ['\\{-1\\} \\cup [0, 7)', 'interval'],
    ['x = 2', 'relation'],
    ['1 < x \\le 3', 'relation'],
    ['\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}', 'matrix'],
    ['\\text{Monday}', 'text'],
    ['\\frac{\\sqrt{3}}{2}', 'expression'],
    ['\\frac{1}{2}', 'number'],
    ['\\pm 2', 'set'],
    ['\\emptyset', 'set'],
    ['x - x', 'expression'],
    ['a - b - c', 'expression'],
    ['x - -x', 'expression'],
    ['-x - -x', 'expression'],
    ['well-known', 'text'],
    ['A-B-C', 'text'],
  ])('%s parses as a %s', (text, kind) => {
    expect(parse(text)?.kind).toBe(kind);
  });

  it('expands \\pm into two values, inside a fraction and inside a set', () => {
    expect(describeValue(parse('\\frac{-3 \\pm \\sqrt{5}}{2}') as never)).toContain('+');
    const set = parse('\\{1 \\pm \\sqrt{5}, -2\\}');
    expect(set?.kind === 'set' && set.items.length).toBe(3);
  });

  it('expands two \\pm signs into one set of four values', () => {
    // math_eval's parse_and_verify tests (graders' round 11): `1 \pm 2 \pm 3` is {6, 0, 2, -4}.
    const set = parse('1 \\pm 2 \\pm 3');
    expect(set?.kind === 'set' && set.items.length).toBe(4);
    expect(set?.kind === 'set' && set.items.every((item) => item.kind !== 'set')).toBe(true);
  });

  it('does not blow up on many \\pm signs', () => {
    expect(() => parse(`${'1 \\pm '.repeat(60)}1`)).not.toThrow();
  });

  it('reads function names, Greek names and letters side by side as mathematics, not words', () => {
    // graders' round 13: PrairieLearn's sympy answers, Khan Academy's KAS tests.
    for (const text of ['sin x', 'csc x', 'n alpha', 'log log n', 'm n', 'infinity', '-Infinity'])
      expect(parseAnswer(text, false)?.kind, text).toBe('expression');
    for (const text of ['odd', 'sin city', 'no', 'Monday', 'A B'])
      expect(parseAnswer(text, false)?.kind, text).toBe('text');
  });

  it('reads a percent as a number with the percent flag', () => {
    expect(parse('12.5\\%')).toMatchObject({ kind: 'number', percent: true, approx: 12.5 });
  });
});
