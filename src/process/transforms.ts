import { z } from 'zod';

export const TransformSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }).strict(),
  /** Preference as reward: sigmoid(r - reference). */
  z.object({ type: z.literal('sigmoid'), reference: z.number().finite().default(0) }).strict(),
  z.object({ type: z.literal('tanh'), scale: z.number().positive().default(1) }).strict(),
  z
    .object({
      type: z.literal('clip'),
      low: z.number().finite().default(-1),
      high: z.number().finite().default(1),
    })
    .strict()
    .refine((clip) => clip.low <= clip.high, { message: 'low must not exceed high' }),
]);
export type Transform = z.output<typeof TransformSchema>;

/**
 * Bounded transforms of a reward r.
 * - `sigmoid`: Preference As Reward ("Reward Shaping to Mitigate Reward Hacking in RLHF"):
 *   r' = sigmoid(r - r_ref) = 1 / (1 + exp(-(r - r_ref))), r_ref the reward of a reference
 *   response. Bounded in (0, 1) and steepest near the reference, so pushing r far above the
 *   reference gains little: the incentive to hack an unbounded reward model goes away.
 * - `tanh`: r' = tanh(r / scale), bounded in (-1, 1).
 * - `clip`: r' = min(max(r, low), high).
 */
export function applyTransform(reward: number, transform: Transform): number {
  switch (transform.type) {
    case 'none':
      return reward;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-(reward - transform.reference)));
    case 'tanh':
      return Math.tanh(reward / transform.scale);
    case 'clip':
      return Math.min(Math.max(reward, transform.low), transform.high);
  }
}
