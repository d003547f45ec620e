/**
 * A gold tuple of two values written X - Y and X + Y (in either order) is the two values of X ± Y,
 * as a solver prints the roots of a quadratic: `(-1-2.449i, -1+2.449i)`, `(117*x-sqrt(x/18875),
 * 117*x+sqrt(x/18875))` (xchuheng613/t2t-qwen-math's golds, real outputs round 26: responses that
 * listed the two roots in the other order were refused as a tuple out of order). Against a bare
 * list its items are compared in any order; a prediction in brackets keeps the tuple's order (it
 * may be a point whose coordinates happen to be X - Y and X + Y).
 */
import { describeValue, type MathValue } from './value.js';

/** Characters after which a sign is a sign of what follows, not a subtraction or an addition. */
const SIGN_OPENERS = new Set(['+', '-', '*', '/', '^', '(', '[', '{', ',', '=']);

/** The text split at its last sign outside brackets: [X, sign, Y], or undefined when it has none. */
function splitAtLastSign(text: string): [string, string, string] | undefined {
  let depth = 0;
  for (let index = text.length - 1; index > 0; index--) {
    const character = text[index] as string;
    if (character === ')' || character === ']' || character === '}') depth++;
    else if (character === '(' || character === '[' || character === '{') depth--;
    else if (depth === 0 && (character === '+' || character === '-')) {
      const before = text[index - 1] as string;
      if (SIGN_OPENERS.has(before)) continue;
      // `1e-5`: an exponent's sign.
      if ((before === 'e' || before === 'E') && /\d/.test(text[index - 2] ?? '')) continue;
      return [text.slice(0, index), character, text.slice(index + 1)];
    }
  }
  return undefined;
}

/** Whether two items are X - Y and X + Y (either order), the same X and Y as written. */
export function isPlusMinusPair(items: readonly MathValue[]): boolean {
  if (items.length !== 2) return false;
  const [first, second] = items.map((item) => splitAtLastSign(describeValue(item).replace(/\s+/g, '')));
  if (first === undefined || second === undefined || first[1] === second[1]) return false;
  return first[0] === second[0] && first[2] === second[2] && first[0] !== '' && first[2] !== '';
}
