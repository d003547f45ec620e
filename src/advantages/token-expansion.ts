import { z } from 'zod';

export const TokenPlacementSchema = z.enum(['step_end', 'spread']);
export type TokenPlacement = z.infer<typeof TokenPlacementSchema>;

/**
 * Expands per-step values to per-token values. `stepEnds[k]` is the index of the last token of
 * step k (increasing). `step_end` puts the value of step k on its last token and 0 elsewhere (how
 * dense rewards enter a token-level trainer); `spread` gives every token of step k the value of
 * step k (how step advantages become token advantages). Tokens after the last step end get 0.
 */
export function expandStepsToTokens(
  stepValues: readonly number[],
  stepEnds: readonly number[],
  tokenCount: number,
  placement: TokenPlacement,
): number[] {
  if (stepEnds.length !== stepValues.length) {
    throw new RangeError(`${stepValues.length} step values but ${stepEnds.length} step ends`);
  }
  const tokens = new Array<number>(tokenCount).fill(0);
  let start = 0;
  stepEnds.forEach((end, step) => {
    if (!Number.isInteger(end) || end < start || end >= tokenCount) {
      throw new RangeError(`step end ${end} of step ${step} is not in [${start}, ${tokenCount - 1}]`);
    }
    const value = stepValues[step] as number;
    if (placement === 'step_end') tokens[end] = value;
    else tokens.fill(value, start, end + 1);
    start = end + 1;
  });
  return tokens;
}
