import { describe, expect, it } from 'vitest';
import type { Extraction } from './extract.js';
import { offeredAlternative, phraseHedge, qualifiedAnswer } from './hedged-answer.js';

/** An extraction of `value`, found where it last occurs in `text`. */
function at(text: string, value: string, extractor: Extraction['extractor'] = 'boxed'): Extraction {
  const start = text.lastIndexOf(value);
  return { text: value, extractor, end: start + value.length + (extractor === 'boxed' ? 1 : 0) };
}

describe('offeredAlternative', () => {
  it('reads a value offered after the answer', () => {
    const text = '\\boxed{40}. Or maybe 50.';
    expect(offeredAlternative(text, { text: '40', extractor: 'boxed', end: 10 })).toBe('50');
    expect(
      offeredAlternative(
        'The answer is 40. But it could also be 50.',
        at('The answer is 40. But', '40', 'final_answer'),
      ),
    ).toBe('50');
  });

  it('takes the last value of the alternative passage (a second method that agrees offers the answer)', () => {
    const text = '\\boxed{10}.\n\nAlternatively, every multiple of 6 is a multiple of 3, so it is 10.';
    expect(offeredAlternative(text, { text: '10', extractor: 'boxed', end: 10 })).toBe('10');
  });

  it('reads a value after an interjected "no" that retracts the answer', () => {
    const text = 'The answer is 15. Wait, no, it is 16.';
    expect(offeredAlternative(text, at('The answer is 15. Wait', '15', 'final_answer'))).toBe('16');
    const colon = '\\boxed{15}. Wait, no: 16.';
    expect(offeredAlternative(colon, { text: '15', extractor: 'boxed', end: 11 })).toBe('16');
    // "no" before a value still rejects it; a check that agrees offers the answer itself.
    const rejects = '\\boxed{15}. Wait, there is no 16 here.';
    expect(offeredAlternative(rejects, { text: '15', extractor: 'boxed', end: 11 })).toBeUndefined();
    const check = '\\boxed{15}. Wait, no, let me check: 3 times 5 = 15.';
    expect(offeredAlternative(check, { text: '15', extractor: 'boxed', end: 11 })).toBe('15');
  });

  it('ignores sentences that reject a value and tails without a word of alternative', () => {
    expect(
      offeredAlternative('\\boxed{3}, since x = -2 or x = 3 and -2 is rejected.', {
        text: '3',
        extractor: 'boxed',
        end: 9,
      }),
    ).toBeUndefined();
    expect(
      offeredAlternative('\\boxed{40}. This is 10 more than 30.', {
        text: '40',
        extractor: 'boxed',
        end: 10,
      }),
    ).toBeUndefined();
  });

  it('reads two numbers in words joined by "or" as an offer', () => {
    const text = 'so 12. Twelve or thirteen would be plausible.';
    expect(offeredAlternative(text, at(text, '12', 'last_number'))).toBe('13');
    const counted = 'so 12. Or, counting again, the two groups give 12.';
    expect(offeredAlternative(counted, at(counted, '12', 'last_number'))).toBe('12');
  });
  it('reads the value before a weak answer whose sentence opens with "Or"', () => {
    const text = 'So she earns 40 dollars. Or perhaps 50.';
    expect(offeredAlternative(text, at(text, '50', 'last_number'))).toBe('40');
    expect(offeredAlternative('forty (50)', at('forty (50)', '50', 'last_number'))).toBe('40');
  });
});

describe('qualifiedAnswer', () => {
  it('finds negations and bounds before the answer, through its box', () => {
    expect(
      qualifiedAnswer('The answer is at least 40.', at('The answer is at least 40.', '40', 'last_number')),
    ).toContain('at least');
    expect(qualifiedAnswer("It isn't $\\boxed{40}$.", at("It isn't $\\boxed{40}$.", '40'))).toContain(
      "isn't",
    );
    expect(qualifiedAnswer('x \\geq 40', at('x \\geq 40', '40', 'last_number'))).toContain('\\geq');
  });

  it('finds bounds after the answer', () => {
    expect(qualifiedAnswer('\\boxed{40+}', { text: '40', extractor: 'last_number', end: 9 })).toContain('+');
    expect(qualifiedAnswer('40 or more apples', at('40 or more apples', '40', 'last_number'))).toContain(
      'or more',
    );
  });

  it('leaves plain answers, tags and sums alone', () => {
    expect(
      qualifiedAnswer('The total is 18 dollars.', at('The total is 18 dollars.', '18', 'last_number')),
    ).toBeUndefined();
    expect(
      qualifiedAnswer('</think> <answer>5</answer>', { text: '5', extractor: 'answer_tag', end: 18 }),
    ).toBeUndefined();
    expect(qualifiedAnswer('40+5 = 45', at('40+5 = 45', '40', 'last_number'))).toBeUndefined();
    expect(
      qualifiedAnswer('So there are about 40.', at('So there are about 40.', '40', 'last_number')),
    ).toBeUndefined();
  });

  it('reads "adds up to" as a total, "up to" alone as a bound', () => {
    const total = 'The breaks add up to $\\boxed{5.0}$ hours.';
    expect(qualifiedAnswer(total, at(total, '5.0'))).toBeUndefined();
    const rounded = 'It rounds up to 8 boxes.';
    expect(qualifiedAnswer(rounded, at(rounded, '8', 'last_number'))).toBeUndefined();
    const bound = 'It takes up to $\\boxed{5}$ hours.';
    expect(qualifiedAnswer(bound, at(bound, '5'))).toContain('up to');
  });
});

describe('phraseHedge', () => {
  it('names several different values in a phrase, digits or words', () => {
    expect(phraseHedge('forty (50)', at('forty (50)', '50', 'last_number'))).toContain('several values');
    expect(phraseHedge('\\overset{50}{40}', at('\\overset{50}{40}', '40', 'last_number'))).toContain(
      'several',
    );
  });

  it('accepts one value said twice and condition numbers', () => {
    expect(phraseHedge('sixteen (16)', at('sixteen (16)', '16', 'last_number'))).toBeUndefined();
    expect(
      phraseHedge('220 dollars in 12 months', at('220 dollars in 12 months', '220', 'last_number')),
    ).toBeUndefined();
  });

  it('reads a subscript as a base or an index, not a value offered', () => {
    expect(phraseHedge('10101_{two}', at('10101_{two}', '10101', 'last_number'))).toBeUndefined();
    expect(phraseHedge('10101_{two} or 3', at('10101_{two} or 3', '3', 'last_number'))).toContain('several');
  });
});
