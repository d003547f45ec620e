import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { parseLatexFast } from './parse-latex-fast.js';

const at = (latex: string, x = 2) => {
  const json = parseLatexFast(latex);
  if (json === undefined) throw new Error(`not parsed: ${latex}`);
  return evaluate(json, new Map([['x', x]])).re;
};

describe('parseLatexFast', () => {
  it.each([
    ['2x^2+3x-1', 13],
    ['\\frac{x+1}{x-1}', 3],
    ['\\frac12 x', 1],
    ['-x^2', -4],
    ['2^{x+1}', 8],
    ['\\sqrt{x+2}', 2],
    ['3!', 6],
    ['(x+1)(x-1)', 3],
    ['x \\cdot 3 \\times 2', 12],
    ['6/3x', 4],
    ['\\sin^2 x + \\cos^2 x', 1],
    ['\\ln(e^x)', 2],
    ['2\\pi', 2 * Math.PI],
  ])('%s at x = 2 is %d', (latex, expected) => {
    expect(at(latex)).toBeCloseTo(expected, 12);
  });

  it('reads \\sin 2x as sin(2x)', () => {
    expect(at('\\sin 2x', 1)).toBeCloseTo(Math.sin(2), 12);
  });

  it.each(['\\sqrt[3]{x}', '\\log_2 8', 'x_1', '\\infty', '[1,2]', 'x^23', '\\sin^{-1} x', '', '\\frac{1}{'])(
    'leaves %s to compute-engine',
    (latex) => {
      expect(parseLatexFast(latex)).toBeUndefined();
    },
  );

  it('stays bounded on long or deep input', () => {
    expect(parseLatexFast('('.repeat(100) + 'x' + ')'.repeat(100))).toBeUndefined();
    expect(parseLatexFast('x+'.repeat(500) + 'x')).toBeUndefined();
  });
});
