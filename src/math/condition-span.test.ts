import { describe, expect, it } from 'vitest';
import { conditionedValueEnd } from './condition-span.js';
import { extractAnswer } from './extract.js';
import { DEFAULT_EXTRACTION_PRIORITY } from './extraction.js';
import { verifyAnswer } from './verify.js';

const extract = (text: string) => extractAnswer(text, DEFAULT_EXTRACTION_PRIORITY)?.text;

/** Whether the last `$...$` span of `text` is read as the condition of the value before it. */
function lastSpanIsCondition(text: string): boolean {
  const close = text.lastIndexOf('$');
  const open = text.lastIndexOf('$', close - 1);
  return conditionedValueEnd(text, open, text.slice(open + 1, close)) !== undefined;
}

describe('conditionedValueEnd', () => {
  it('reads a relation on one name right after a math value as its condition', () => {
    expect(lastSpanIsCondition('So the minimum is $5$ when $x = 2$')).toBe(true);
    expect(lastSpanIsCondition('$f(x) = 0$ for all $x>0$')).toBe(true);
    expect(lastSpanIsCondition('Thus $f(x) = x^2$ for every real $x$')).toBe(true);
    expect(lastSpanIsCondition('So $y = 4$, where $k = 3$')).toBe(true);
    expect(lastSpanIsCondition('It is $7$ if $n \\ge 3$')).toBe(true);
  });

  it('keeps a span that answers: words between, a bare "at"', () => {
    expect(lastSpanIsCondition('The minimum is reached when $x = 2$')).toBe(false);
    expect(lastSpanIsCondition('The velocity is $0$ at $t = 2$')).toBe(false);
    expect(lastSpanIsCondition('It holds for $x$ when $x$')).toBe(false);
    expect(lastSpanIsCondition('So $a = 1$ and $b = 2$')).toBe(false);
  });

  it('reads a plain number right before the condition as its value (stop 36), never an earlier span', () => {
    expect(lastSpanIsCondition('Thus the minimum is 18, which occurs when $a=b=c=1$')).toBe(true);
    expect(lastSpanIsCondition('Hence the minimum is $18$, with equality when $x=y=3$')).toBe(true);
    expect(lastSpanIsCondition('The least value is 18 (when $n=4$)')).toBe(true);
    // Red team of stop 24: the value is the number before the condition, not the earlier span.
    const guessed = 'We guess $12$. On checking, the value is 15, when $x = 2$.';
    expect(extract(guessed)).toBe('15');
    expect(verifyAnswer('12', guessed).verdict).toBe('not_equal');
    expect(verifyAnswer('15', guessed).verdict).toBe('equal');
    expect(verifyAnswer('18', 'Thus the minimum is 18, which occurs when $a=b=c=1$.').verdict).toBe('equal');
    expect(verifyAnswer('1', 'Thus the minimum is 18, which occurs when $a=b=c=1$.').verdict).toBe(
      'not_equal',
    );
  });

  it('refuses a span that says more than one relation, and a list of cases', () => {
    expect(lastSpanIsCondition('$5$ if $n = 2 \\Rightarrow \\text{answer} = 3$')).toBe(false);
    expect(lastSpanIsCondition('$5$ if $n = 2, m = 3$')).toBe(false);
    expect(lastSpanIsCondition('The area is $3$ when $r = 2$ and it is $5$ when $r = 1$')).toBe(false);
  });
});

describe('extraction around a condition span', () => {
  it('reads the value, not the number inside its condition; a later number still wins', () => {
    expect(extract('So the minimum is $5$ when $x = 2$.')).toBe('5');
    expect(extract('We find $f(x) = 0$ for all $x>0$.')).toBe('f(x) = 0');
    expect(extract('So the minimum is $5$ when $x = 2$. Adding 4 gives 9.')).toBe('9');
  });

  // A chain of 4,500 condition spans (it overflowed the stack when each level read the one
  // before it) is a hostile pair in test/math/hostile-inputs.ts.
});

describe('a gold that names the condition letter', () => {
  it('reads the condition when the gold names its letter, the value otherwise', () => {
    const response = 'The discriminant $b^2-4ac$ equals $0$ when $k = 4$.';
    expect(verifyAnswer('k = 4', response).verdict).toBe('equal');
    expect(verifyAnswer('k = 5', response).verdict).toBe('not_equal');
    expect(verifyAnswer('0', response).verdict).toBe('equal');
    // A bare gold keeps the value: the relation is not paid for both of its values.
    expect(verifyAnswer('4', response).verdict).toBe('not_equal');
  });
});
