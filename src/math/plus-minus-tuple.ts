/**
 * A sign `\pm` inside a tuple names two tuples: `(0, \pm 2)` is the points `(0, 2)` and `(0, -2)`,
 * as `x = \pm 2` is the values 2 and -2. Real outputs round 23 (OlympiadBench by a 1.5B RL model):
 * `\boxed{(0, \pm 2)} \quad \text{and} \quad \boxed{(4, \pm 23)}` against the gold
 * `(0,2),(0,-2),(4,23),(4,-23)`, the complete solution set, was 2 items against 4 (Math-Verify
 * misses it too). A tuple with one sign is written out as the two tuples, in place; a tuple with two
 * signs (`(\pm 1, \pm 1)`: two points or four?) and a group of one item (`(\pm 2)`) are left as
 * written, and so is a text that would grow past 8 tuples.
 */
import { findClosingParenthesis, splitTopLevel } from './braces.js';

const PLUS_MINUS = /\\pm(?![A-Za-z])|±/g;
const MAX_TUPLES = 8;

/** Whether the text may hold a sign inside a tuple (a cheap test before the rewrite). */
export function mayHoldPlusMinusTuple(text: string): boolean {
  return (text.includes('\\pm') || text.includes('±')) && text.includes('(');
}

/** The text with each tuple of one `\pm` written out as its two tuples, or the text. */
export function withPlusMinusTuplesWrittenOut(text: string): string {
  let result = '';
  let index = 0;
  let tuples = 0;
  for (let open = text.indexOf('(', index); open >= 0; open = text.indexOf('(', index)) {
    const close = findClosingParenthesis(text, open);
    if (close < 0) return text;
    const inside = text.slice(open + 1, close);
    const signs = inside.match(PLUS_MINUS)?.length ?? 0;
    // Not after a letter or a command: `f(\pm 2)`, `\left(`, `\sqrt(` are no tuples.
    const after = open > 0 && /[A-Za-z]/.test(text[open - 1] as string);
    if (signs === 1 && !after && splitTopLevel(inside, ',').length > 1) {
      const sign = PLUS_MINUS.exec(inside) as RegExpExecArray;
      PLUS_MINUS.lastIndex = 0;
      const before = inside.slice(0, sign.index);
      const rest = inside.slice(sign.index + sign[0].length);
      result += `${text.slice(index, open)}(${before}+${rest}), (${before}-${rest})`;
      tuples += 2;
    } else {
      result += text.slice(index, close + 1);
      tuples++;
    }
    if (tuples > MAX_TUPLES) return text;
    index = close + 1;
  }
  return result + text.slice(index);
}
