import { describe, expect, it } from 'vitest';
import { isDividerMarker } from './gsm8k-divider.js';

function divider(text: string): boolean {
  return isDividerMarker(text, text.lastIndexOf('####'));
}

describe('isDividerMarker', () => {
  it.each([
    'There are 595 gems.\n####\nTo find the total number of gems, we add them.',
    'So 14 bags.\n####\n\nJean has 30 lollipops initially. After eating 2, he has 28.',
    'He paid $360.\n#### \n**Yes, the total number of pets is 348.**',
    "#### Let's denote the cost of the boots as B. Then B = 104.",
  ])('%j: a divider before a restated solution', (text) => {
    expect(divider(text)).toBe(true);
  });

  it.each([
    'So she makes 18 dollars.\n#### 18',
    'So she makes 18 dollars.\n####\n18',
    'So she makes 18 dollars.\n####\n$18 per day',
    'So she makes 18 dollars.\n#### The answer is 18',
    'So she makes 18 dollars.\n####\n5 or 6 dollars, I think',
    'So she makes 18 dollars.\n####',
  ])('%j: a GSM8K answer marker (or nothing to divide)', (text) => {
    expect(divider(text)).toBe(false);
  });

  it.each([
    'Janet makes 18 dollars.\n\n#### Final Answer\nThe answer is 18.',
    '#### Step 1: Eggs left\n16 - 3 - 4 = 9\n\n#### Step 2: Money\n9 * 2 = 18',
  ])('%j: a markdown heading over more text is no answer marker', (text) => {
    expect(divider(text)).toBe(true);
  });

  it('reads a word alone on the last `####` line as an answer', () => {
    expect(divider('The meeting day.\n#### Tuesday')).toBe(false);
  });
});
