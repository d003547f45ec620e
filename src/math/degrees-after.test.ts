import { describe, expect, it } from 'vitest';
import { withDegreesAfter } from './degrees-after.js';
import type { Extraction } from './extraction.js';
import { verifyAnswer } from './verify.js';

/** The last number `value` of `text`, as the last-number fallback extracts it. */
function lastNumber(text: string, value: string): Extraction {
  return { text: value, extractor: 'last_number', end: text.lastIndexOf(value) + value.length };
}

// An examiner's hard pairs of stop 47: "The angle measures 90 degrees." against `\frac{\pi}{2}`.
describe('withDegreesAfter', () => {
  it.each([
    ['The angle measures 90 degrees.', '90'],
    ['The angle measures 30°.', '30'],
    ['It turns 45 deg.', '45'],
  ])('%j keeps the degrees of %s against a gold in radians', (text, value) => {
    expect(withDegreesAfter(lastNumber(text, value), text, true)?.text).toBe(`${value}^\\circ`);
  });

  it('adds nothing against another gold, after another word, or to a box', () => {
    const text = 'The angle measures 90 degrees.';
    expect(withDegreesAfter(lastNumber(text, '90'), text, false)).toBeUndefined();
    const other = 'It took 90 days.';
    expect(withDegreesAfter(lastNumber(other, '90'), other, true)).toBeUndefined();
    expect(
      withDegreesAfter({ text: '90', extractor: 'boxed', end: 10 }, '\\boxed{90} degrees', true),
    ).toBeUndefined();
  });

  it('pays the angle in degrees as a box of degrees is paid', () => {
    expect(verifyAnswer('\\frac{\\pi}{2}', 'The angle measures 90 degrees.').verdict).toBe('equal');
    expect(verifyAnswer('\\frac{\\pi}{3}', 'The angle measures 90 degrees.').verdict).toBe('not_equal');
    expect(verifyAnswer('90', 'The angle measures 90 degrees.').verdict).toBe('equal');
  });
});
