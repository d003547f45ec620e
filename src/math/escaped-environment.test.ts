import { describe, expect, it } from 'vitest';
import { repairEscapedEnvironment } from './escaped-environment.js';
import { verifyAnswer } from './verify.js';

describe('repairEscapedEnvironment', () => {
  it('halves every backslash of an environment escaped twice', () => {
    expect(repairEscapedEnvironment('\\\\begin{pmatrix} 1 \\\\\\\\ 2 \\\\end{pmatrix}')).toBe(
      '\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}',
    );
  });

  it('leaves real LaTeX alone: a row break before \\begin, or no environment', () => {
    const rowBreak = '\\begin{cases} 1 \\\\\\begin{matrix} 2 \\end{matrix} \\end{cases}';
    expect(repairEscapedEnvironment(rowBreak)).toBe(rowBreak);
    expect(repairEscapedEnvironment('\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}')).toBe(
      '\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}',
    );
  });

  it('needs an escaped \\end after the escaped \\begin', () => {
    const endFirst = '\\\\end{a} x \\\\begin{pmatrix} 1';
    expect(repairEscapedEnvironment(endFirst)).toBe(endFirst);
    const many = '\\\\begin{a}'.repeat(5_000);
    expect(repairEscapedEnvironment(many)).toBe(many);
    expect(repairEscapedEnvironment(`${many}\\\\end{a}`)).toBe(`${'\\begin{a}'.repeat(5_000)}\\end{a}`);
  });

  // MARIO-Math-Reasoning/MARIO_EVAL math_evaluation/tests/test_is_equiv.py (test_is_equiv_matrix).
  it('compares an escaped gold matrix entry by entry', () => {
    const gold = '\\\\begin{matrix} x \\\\\\\\ \\\\sqrt{3} + 2x \\\\\\\\ \\\\frac12 \\\\end{matrix}';
    expect(verifyAnswer(gold, '\\begin{matrix} x \\\\ \\sqrt{3} + 2x \\\\ 0.5 \\end{matrix}').verdict).toBe(
      'equal',
    );
    expect(verifyAnswer(gold, '\\begin{matrix} x \\\\ \\sqrt{3} + 2x \\\\ 0.6 \\end{matrix}').verdict).toBe(
      'not_equal',
    );
  });
});
