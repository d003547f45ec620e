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
});
