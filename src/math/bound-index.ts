import type { MathJson } from './value.js';

/**
 * The variable a big operator binds, from its bounds `["Limits", index, lower, upper]` (the fast
 * parser) or `["Tuple", index, lower, upper]` (compute-engine). compute-engine writes the
 * differential of an integrand with `dx` in a numerator, `\int_0^1 \frac{dx}{1+x^2}`, as
 * `["Hold", "x"]`: the same variable. Without reading it the integral was not evaluable and fell to
 * compute-engine, which called it different from π/4. Undefined for any other shape.
 */
export function boundIndex(limits: MathJson | undefined): string | undefined {
  if (!Array.isArray(limits) || (limits[0] !== 'Limits' && limits[0] !== 'Tuple')) return undefined;
  const index = limits[1];
  if (typeof index === 'string') return index;
  if (Array.isArray(index) && index[0] === 'Hold' && index.length === 2 && typeof index[1] === 'string')
    return index[1];
  return undefined;
}
