import { z } from 'zod';

/** How k sampled verdicts become one: their `mean`, or the `majority` (most frequent) value. */
export const VoteSchema = z.enum(['mean', 'majority']).default('mean');
export type Vote = z.output<typeof VoteSchema>;

/**
 * Combines the verdicts of k samples. `mean`: the arithmetic mean. `majority`: the most frequent
 * value; a tie goes to the lowest tied value (the cautious verdict).
 */
export function vote(values: readonly number[], rule: Vote): number {
  if (rule === 'mean') return values.reduce((sum, value) => sum + value, 0) / values.length;
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = Number.POSITIVE_INFINITY;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
