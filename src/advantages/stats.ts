import { z } from 'zod';

/**
 * Which standard deviation a normalization uses. `unbiased` divides by n - 1 (Bessel's
 * correction), as torch.std and verl's masked_var do by default; `biased` divides by n, as
 * numpy.std and several TRL/OpenRLHF code paths do.
 */
export const StdConventionSchema = z.enum(['unbiased', 'biased']);
export type StdConvention = z.infer<typeof StdConventionSchema>;

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Variance with the given convention; NaN when `unbiased` and there is a single value. */
export function variance(values: readonly number[], convention: StdConvention): number {
  const center = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - center) ** 2;
  const denominator = convention === 'unbiased' ? values.length - 1 : values.length;
  return denominator === 0 ? Number.NaN : squares / denominator;
}

export function std(values: readonly number[], convention: StdConvention): number {
  return Math.sqrt(variance(values, convention));
}

/** Options of whitening: verl's masked_whiten uses the unbiased variance and 1e-8 inside the root. */
export interface WhitenOptions {
  convention: StdConvention;
  /** Added to the variance under the square root: (x - mean) / sqrt(var + epsilon). */
  epsilon: number;
}

export const VERL_WHITEN: WhitenOptions = { convention: 'unbiased', epsilon: 1e-8 };

/**
 * Whitening over a pool of values (verl's `masked_whiten` with the mask selecting the pool):
 *   w_i = (x_i - mean(x)) / sqrt(var(x) + epsilon)
 * The pool is every valid position of the batch. With the unbiased convention a pool of one
 * value has no variance: that throws instead of returning NaN (verl would divide by zero).
 */
export function whiten(values: readonly number[], options: WhitenOptions = VERL_WHITEN): number[] {
  if (values.length === 0) return [];
  if (options.convention === 'unbiased' && values.length < 2) {
    throw new RangeError(
      'whitening with the unbiased variance needs at least 2 values in the batch (verl divides by n - 1)',
    );
  }
  const center = mean(values);
  const scale = 1 / Math.sqrt(variance(values, options.convention) + options.epsilon);
  return values.map((value) => (value - center) * scale);
}

/** Whitens ragged rows as one pool (all positions of all rows) and returns rows of the same shape. */
export function whitenRows(
  rows: readonly (readonly number[])[],
  options: WhitenOptions = VERL_WHITEN,
): number[][] {
  const flat = whiten(rows.flat(), options);
  const out: number[][] = [];
  let cursor = 0;
  for (const row of rows) {
    out.push(flat.slice(cursor, cursor + row.length));
    cursor += row.length;
  }
  return out;
}

/** Indices of the items of each group, groups in order of first appearance. */
export function groupIndices(groupKeys: readonly string[]): number[][] {
  const groups = new Map<string, number[]>();
  groupKeys.forEach((key, index) => {
    const members = groups.get(key);
    if (members === undefined) groups.set(key, [index]);
    else members.push(index);
  });
  return [...groups.values()];
}

/** Suffix sums with discount: out_t = sum_{k >= t} gamma^(k - t) x_k. */
export function discountedSuffixSums(values: readonly number[], gamma: number): number[] {
  const out = new Array<number>(values.length);
  let running = 0;
  for (let t = values.length - 1; t >= 0; t--) {
    running = (values[t] as number) + gamma * running;
    out[t] = running;
  }
  return out;
}
