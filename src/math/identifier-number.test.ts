import { describe, expect, it } from 'vitest';
import { isIdentifierAfterQuantity } from './identifier-number.js';

/** Whether the last `#N` of the text is an identifier after the quantity `before`. */
function identifier(text: string, before: string): boolean {
  const start = text.lastIndexOf('#') + 1;
  const earlier = text.lastIndexOf(before, start - 1);
  return isIdentifierAfterQuantity(text, start, earlier < 0 ? -1 : earlier + before.length);
}

describe('isIdentifierAfterQuantity', () => {
  it('reads "#12" after a quantity in the same sentence as a name', () => {
    expect(identifier('16 people think that horse #12 will win the big race.', '16')).toBe(true);
  });

  it('keeps an identifier alone in its sentence, and markdown or GSM8K marks', () => {
    expect(identifier('There are 16 horses. The winner is horse #12.', '16')).toBe(false);
    expect(identifier('The winner is horse #12.', 'none')).toBe(false);
    expect(identifier('We got 16 in total.\n#### 12', '16')).toBe(false);
    expect(identifier('We got 16 in total ## 12', '16')).toBe(false);
  });
});
