import { describe, expect, it } from 'vitest';
import { verbatimGold, verbatimUpToCapital } from './verbatim-gold.js';
import { verifyAnswer } from './verify.js';

describe('verbatimGold', () => {
  it('equates a response written exactly as the gold, spaces aside', () => {
    expect(verbatimGold('odd $n$', ' odd  $n$ ')?.verdict).toBe('equal');
  });

  it('says nothing about any other response', () => {
    expect(verbatimGold('odd $n$', 'even $n$')).toBeUndefined();
    expect(verbatimGold('odd $n$', '')).toBeUndefined();
    expect(verbatimGold('5', 'x'.repeat(5_000))).toBeUndefined();
  });

  // UKGovernmentBEIS/inspect_ai tests/scorer/math_cases.json (IMO-AnswerBench rows).
  it('scores a copied gold answer the extractors would cut to a fragment', () => {
    expect(verifyAnswer('odd $n$', 'odd $n$').verdict).toBe('equal');
    const floor = '$\\lfloor\\varphi n\\rfloor$, where $\\varphi = \\frac{\\sqrt{5}+1}{2}';
    expect(verifyAnswer(floor, floor).verdict).toBe('equal');
    expect(verifyAnswer('odd $n$', 'even $n$').verdict).toBe('not_equal');
    expect(verifyAnswer(floor, '$\\lfloor\\varphi n\\rfloor$, where $\\varphi = 2').verdict).toBe(
      'not_equal',
    );
  });

  // sieval AGIEval math_equivalence tests (code index file 57766370119): `is_equiv("2 cm", "2cm")`.
  it('takes a number glued to its letters for the same number spaced from them', () => {
    expect(verbatimGold('2cm', '2 cm')?.verdict).toBe('equal');
    expect(verbatimGold('2 cm', '2cm')?.verdict).toBe('equal');
    expect(verbatimGold('2cm', '3 cm')).toBeUndefined();
    expect(verbatimGold('2cm', '2 mm')).toBeUndefined();
    expect(verbatimGold('2cm', '2 cm or 3 cm')).toBeUndefined();
    expect(verifyAnswer('2cm', '2 cm').verdict).toBe('equal');
    expect(verifyAnswer('2cm', '2 m').verdict).not.toBe('equal');
  });

  // mathnet_eval grading tests (code index file 52940437359): a capital starting the sentence.
  it('takes a prose answer capitalised at the start of its sentence for the gold', () => {
    expect(verbatimUpToCapital('all integers k \\ge 2', 'All integers k \\ge 2')?.verdict).toBe('equal');
    expect(verbatimUpToCapital('all integers k \\ge 2', 'All integers k \\ge 3')).toBeUndefined();
    expect(verbatimUpToCapital('x', 'X')).toBeUndefined();
    expect(verbatimUpToCapital('ab c', 'Ab c')).toBeUndefined();
    expect(verifyAnswer('all integers k ≥ 2', 'Final answer: All integers $k \\geq 2$.').verdict).toBe(
      'equal',
    );
    expect(verifyAnswer('all integers k ≥ 2', 'Final answer: All integers $k \\geq 3$.').verdict).not.toBe(
      'equal',
    );
    expect(
      verifyAnswer('all integers k ≥ 2', 'Final answer: All integers $k \\geq 2$ or $k = 1$.').verdict,
    ).not.toBe('equal');
  });
});
