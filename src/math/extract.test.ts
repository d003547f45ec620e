import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTRACTION_PRIORITY, extractAnswer, runExtractor } from './extract.js';

const extract = (text: string) => extractAnswer(text, DEFAULT_EXTRACTION_PRIORITY)?.text;

describe('extractAnswer', () => {
  it('takes the last boxed answer with nested braces', () => {
    expect(extract('First \\boxed{1}. Later we get \\boxed{\\frac{1}{\\sqrt{2}}}.')).toBe(
      '\\frac{1}{\\sqrt{2}}',
    );
  });

  it('reads \\fbox like \\boxed', () => {
    expect(extract('so \\fbox{42}')).toBe('42');
  });

  it('joins adjacent boxed answers into a list', () => {
    expect(extract('The roots are $\\boxed{2}$ and $\\boxed{3}$')).toBe('2, 3');
  });

  it('does not join boxed answers from different sentences', () => {
    expect(extract('We get \\boxed{2}. Then after more work we find \\boxed{3}')).toBe('3');
  });

  it('prefers GSM8K #### over the last number', () => {
    expect(extract('She has 3 + 4 = 7 apples.\n#### 7\nShe also has 9 pears')).toBe('7');
  });

  it('reads "the final answer is" up to the end of the sentence', () => {
    expect(extract('Final Answer: The final answer is $12$. I hope it is correct.')).toBe('12');
  });

  it('reads "Answer:" lines', () => {
    expect(extract('Work...\n**Answer:** 3/4')).toBe('3/4');
  });

  it('keeps what follows the last "is" in an answer sentence', () => {
    expect(extract('Final Answer: The largest $n$ is 34.')).toBe('34');
  });

  it('reads the <answer> tag', () => {
    expect(extract('<think>2+2</think><answer> 4 </answer>')).toBe('4');
  });

  it('takes the last inline math span', () => {
    expect(extract('So $x = 1$ and finally $y = \\sqrt{3}$')).toBe('y = \\sqrt{3}');
    expect(extract('Thus \\(\\frac{3}{4}\\)')).toBe('\\frac{3}{4}');
    expect(extract('Thus \\[ 2\\pi \\]')).toBe('2\\pi');
  });

  it('does not read currency as math', () => {
    expect(extract('She pays $5 for eggs and earns $18 per day')).toBe('18');
  });

  it('lets the last number win over an earlier math span', () => {
    expect(extract('We compute $3 \\times 6 = 18$, plus 2 gives 20 in total.')).toBe('20');
  });

  it('joins "x = 2 or x = 5" but not "between 3 and 5"', () => {
    expect(extract('The solutions are x = 2 or x = 5.')).toBe('2, 5');
    expect(extract('It is between 3 and 5')).toBe('5');
  });

  it('returns undefined when nothing is there', () => {
    expect(extract('no answer at all')).toBeUndefined();
  });

  it('honours a priority list without the last-number fallback', () => {
    expect(extractAnswer('the total is 12 apples', ['boxed', 'latex'])).toBeUndefined();
  });

  it('stays fast on adversarial input (100 KB of braces, dollars, digits)', () => {
    for (const text of [
      '\\boxed{'.repeat(15_000),
      '{'.repeat(100_000),
      '$'.repeat(100_000),
      '9'.repeat(100_000),
      'a '.repeat(50_000),
    ]) {
      expect(() => extractAnswer(text, DEFAULT_EXTRACTION_PRIORITY)).not.toThrow();
    }
    expect(runExtractor('last_number', `${'1,'.repeat(40_000)}x`)?.text.length).toBeGreaterThan(0);
  });
});
