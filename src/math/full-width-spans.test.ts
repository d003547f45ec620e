import { describe, expect, it } from 'vitest';
import type { Extraction } from './extraction.js';
import { fullWidthSpanList } from './full-width-spans.js';
import { verifyAnswer } from './verify.js';

/** The last span of `text`, as the latex extractor reads it (its end after the closing `$`). */
function lastSpan(text: string, value: string): Extraction {
  return { text: value, extractor: 'latex', end: text.lastIndexOf('$') + 1 };
}

// Real outputs round 30 (the 2026 NCEE answered by frontier models) and stop 47's second red team.
describe('fullWidthSpanList', () => {
  it('joins the spans that end the response', () => {
    const text = '$\\dfrac{3\\pi}{2}$；$1$';
    expect(fullWidthSpanList(lastSpan(text, '1'), text)?.text).toBe('\\dfrac{3\\pi}{2}, 1');
    const three = '$1$、$2$，$3$。';
    expect(fullWidthSpanList({ text: '3', extractor: 'latex', end: three.indexOf('。') }, three)?.text).toBe(
      '1, 2, 3',
    );
  });

  it('leaves spans with words after them, a strong extraction and a single span', () => {
    const rejected = '$x=3$，$x=-3$（舍去）';
    expect(
      fullWidthSpanList({ text: 'x=-3', extractor: 'latex', end: rejected.indexOf('（') }, rejected),
    ).toBeUndefined();
    const wrong = '答案为 $5$，$6$ 是错误的';
    expect(
      fullWidthSpanList({ text: '6', extractor: 'latex', end: wrong.indexOf(' 是') }, wrong),
    ).toBeUndefined();
    expect(fullWidthSpanList({ text: '1', extractor: 'boxed', end: 5 }, '$2$；$1$')).toBeUndefined();
    expect(fullWidthSpanList(lastSpan('So $1$', '1'), 'So $1$')).toBeUndefined();
  });

  it('is read against a gold of several answers only', () => {
    expect(verifyAnswer('\\dfrac{3\\pi}{2}, 1', '$\\dfrac{3\\pi}{2}$；$1$').verdict).toBe('equal');
    expect(verifyAnswer('3', '$2x=6$，$x=3$').verdict).toBe('equal');
  });
});
