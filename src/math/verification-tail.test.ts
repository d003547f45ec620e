import { describe, expect, it } from 'vitest';
import { extractAnswer } from './extract.js';
import { DEFAULT_EXTRACTION_PRIORITY } from './extraction.js';
import { answerBeforeCheck } from './verification-tail.js';

function read(response: string): string | undefined {
  const found = extractAnswer(response, DEFAULT_EXTRACTION_PRIORITY);
  return (answerBeforeCheck(response, found, DEFAULT_EXTRACTION_PRIORITY) ?? found)?.text;
}

describe('answerBeforeCheck', () => {
  it('reads the answer stated before a closing check', () => {
    expect(read('Since x > 2, x = 3. Checking: 9 - 15 + 6 = 0.')).toBe('3');
    expect(read('The width is 5 cm. Let us verify: 2(5) + 2(8) = 26.')).toBe('5');
    // In parentheses (red team of stop 35).
    expect(read('So $n = 18$. (We check: $18 \\cdot 2 = 36$.)')).toBe('n = 18');
  });

  it('keeps a check that concludes, a marked answer, and a check word early on', () => {
    expect(read('x = 3. Checking: 9 + 15 + 6 = 30, not 0; therefore x = 4.')).toBe('4');
    expect(read('The answer is 3. Checking: 9 - 15 + 6 = 0.')).toBe('3');
    expect(read('First check the domain: x > 0. Then 2x = 14, so x = 7.')).toBe('7');
    expect(read('x = <<10=10>>10\nSubstituting back, we get x = 5\nA: 5')).toBe('5');
  });

  it('leaves a check that finds fault or gives another value to the last number', () => {
    expect(read('x = 3. Checking: 9 - 15 + 6 = 1, not 0, so x = 4.')).toBe('4');
    expect(read('x = 3. Check: 3 + 5 = 8, which fails. Correct is 4 + 5 = 9.')).toBe('9');
    expect(read('x = 3\nCheck: 3*3 = 9\nx = 4')).toBe('4');
    expect(read('x = 3. CHECK: 3 + 5 = 8.')).toBe('3');
    expect(read('Solving gives x = 2 or x = 3. Checking x = 3: 9 - 15 + 6 = 0.')).toBe('2, 3');
  });

  it('reads the answer before a closing aside that rejects a value', () => {
    expect(read('So, $x=3$ is the only solution (since $x=-2$ is extraneous).')).toBe('x=3');
    expect(read('It is 3 (not 4).')).toBe('3');
    expect(read('The total is 7 (3 + 4).')).toBe('7');
  });

  // thaotnguyen/thinking-llms-interp benchmark_results_qwen2.5-32b-on-deepseek-r1-distill-qwen-32b_gsm8k.json,
  // hybrid row 13: the check starts after a step label, whose number is not the answer.
  it('keeps the colon of a step label before the check word', () => {
    expect(read('So, V = 18.\n\nStep 12: Verify the solution:\n- 18 - 6 - 2 = 10')).toBe('18');
    expect(read('So, V = 18.\n\nStep 12: Verify: 18 - 6 = 12')).toBe('18');
  });
});
