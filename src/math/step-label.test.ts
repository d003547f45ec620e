import { describe, expect, it } from 'vitest';
import { isStepLabel } from './step-label.js';

/** Whether the last occurrence of `number` in the text is a step label. */
function label(text: string, number: string): boolean {
  const start = text.lastIndexOf(number);
  return isStepLabel(text, start, start + number.length);
}

describe('isStepLabel', () => {
  it.each([
    ['Step 4: days = 6\nStep 5: print(total_days)', '5'],
    ['x = 2\n**Step 3.** Done', '3'],
    ['step 2) so we stop', '2'],
  ])('%j: %s counts steps', (text, number) => {
    expect(label(text, number)).toBe(true);
  });

  it.each([
    ['It takes 5 steps.', '5'],
    ['The next step 5 is:', '5'],
    ['Step 2: we get 5: done', '5'],
  ])('%j: %s is a value', (text, number) => {
    expect(label(text, number)).toBe(false);
  });
});
