import type { MathJson } from './value.js';

/**
 * The parameters a MathJSON lambda binds: `["Function", body, "x"]` -> `["x"]`. compute-engine
 * writes `\lim_{x \to 0} \frac{\sin x}{x}` as `["Limit", ["Function", body, "x"], 0]`, so x is a
 * bound name there, not a free variable of the answer (the limit is a constant).
 * Undefined when the expression is not a lambda.
 */
export function lambdaParameters(json: MathJson): string[] | undefined {
  if (!Array.isArray(json) || json[0] !== 'Function' || json.length < 3) return undefined;
  const parameters = json.slice(2);
  return parameters.every((parameter) => typeof parameter === 'string')
    ? (parameters as string[])
    : undefined;
}
