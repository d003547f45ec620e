import { describe, expect, it } from 'vitest';
import { lastIndexIn } from './last-index.js';

describe('lastIndexIn', () => {
  it('is lastIndexOf', () => {
    const texts = ['', 'abc', '</think>', 'x</think>y</think>z', '\\boxed{1} \\boxed{2}', 'aaaa', 'a</think'];
    const needles = ['</think>', '\\boxed{', 'a', 'aa', 'z', ''];
    for (const text of texts)
      for (const needle of needles)
        expect(lastIndexIn(text, needle), `${text} ${needle}`).toBe(text.lastIndexOf(needle));
  });

  it('counts only the occurrences at or after `from`', () => {
    expect(lastIndexIn('answer, then answer', 'answer', 3)).toBe(13);
    expect(lastIndexIn('answer, then', 'answer', 3)).toBe(-1);
  });
});
