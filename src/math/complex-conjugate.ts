import type { Complex } from './complex.js';
import type { MathJson } from './value.js';

/**
 * A bar over a constant complex expression is its conjugate: `\overline{2+3i}` is 2 - 3i,
 * `\bar{i}` is -i (issue 9 class 7, complex numbers). Read by the numeric evaluator
 * (evaluate.ts) for the parser's `["OverBar", x]`. Only over a constant: at the evaluator's real
 * sample points a bar over a variable (`\bar{z}`) would be the variable itself and `\bar{z}`
 * would equal `z`; such a bar stays not evaluable. A repeating decimal `0.\overline{3}` and a
 * segment `\overline{AB}` are read before evaluation (parse-answer.ts, segment-name.ts).
 */
export function conjugateOfConstant(
  argument: MathJson | undefined,
  hasVariables: (json: MathJson) => boolean,
  evaluateArgument: (json: MathJson) => Complex,
): Complex | undefined {
  if (argument === undefined || hasVariables(argument)) return undefined;
  const value = evaluateArgument(argument);
  return { re: value.re, im: value.im === 0 ? 0 : -value.im };
}
