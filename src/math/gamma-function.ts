/**
 * `\Gamma(z)` as the gamma function: written with its argument in parentheses right after it,
 * `\Gamma` is the function (Γ(n + 1) = n!), not the variable Γ times (n + 1). Rewritten as the
 * factorial it continues, `(z - 1)!`, which the evaluators already know (exactly at integers,
 * through the Lanczos gamma of gamma.ts elsewhere). `\Gamma` followed by anything else (`\Gamma_1`,
 * `\Gamma x`) stays a variable.
 */
import { walkBrackets } from './braces.js';

const GAMMA_CALL = /\\Gamma\s*(?:\\left\s*)?\(/g;

/** Index of the bracket closing the one at `open` (any kind, as braces.ts walks them). */
function closingBracket(text: string, open: number): number | undefined {
  let close: number | undefined;
  walkBrackets(text.slice(open), (depth, index) => {
    if (depth > 0) return true;
    close = open + index;
    return false;
  });
  return close;
}

/** The text with each `\Gamma(...)` as `((...) - 1)!`; unchanged when a parenthesis is unmatched. */
export function gammaAsFactorial(text: string): string {
  if (!text.includes('\\Gamma')) return text;
  let result = '';
  let from = 0;
  GAMMA_CALL.lastIndex = 0;
  for (let match = GAMMA_CALL.exec(text); match !== null; match = GAMMA_CALL.exec(text)) {
    const open = match.index + match[0].length - 1;
    const close = closingBracket(text, open);
    if (close === undefined) return text;
    const argument = text.slice(open + 1, close).replace(/\\right\s*$/, '');
    result += `${text.slice(from, match.index)}((${gammaAsFactorial(argument)}) - 1)!`;
    from = close + 1;
    GAMMA_CALL.lastIndex = from;
  }
  return result + text.slice(from);
}
