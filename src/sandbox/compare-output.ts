import { z } from 'zod';

export const OutputComparisonSchema = z
  .object({
    /** `exact`: byte-for-byte; `whitespace`: the same tokens, however they are spaced. */
    mode: z.enum(['exact', 'whitespace']).default('whitespace'),
    /** With `whitespace`: numeric tokens match when |pred - gold| <= tolerance * max(1, |gold|). */
    float_tolerance: z.number().nonnegative().optional(),
  })
  .strict();
export type OutputComparison = z.output<typeof OutputComparisonSchema>;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function tokensMatch(gold: string, pred: string, tolerance: number | undefined): boolean {
  if (gold === pred) return true;
  if (tolerance === undefined || !NUMBER.test(gold) || !NUMBER.test(pred)) return false;
  const goldValue = Number(gold);
  return Math.abs(Number(pred) - goldValue) <= tolerance * Math.max(1, Math.abs(goldValue));
}

/** Whether the program's stdout (`pred`) matches the expected stdout (`gold`). Asymmetric only in the tolerance scale. */
export function outputMatches(gold: string, pred: string, comparison: OutputComparison): boolean {
  if (comparison.mode === 'exact') return gold === pred;
  const goldTokens = gold.split(/\s+/).filter((token) => token !== '');
  const predTokens = pred.split(/\s+/).filter((token) => token !== '');
  if (goldTokens.length !== predTokens.length) return false;
  return goldTokens.every((token, index) =>
    tokensMatch(token, predTokens[index]!, comparison.float_tolerance),
  );
}
