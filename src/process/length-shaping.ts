import { z } from 'zod';

export const LengthShapingSchema = z
  .object({
    /** Largest weight of the length term, reached when the whole group is correct. */
    alpha: z.number().nonnegative().default(0.5),
    /** A reward at least this counts as correct. */
    correct_threshold: z.number().default(1),
  })
  .strict();
export type LengthShaping = z.output<typeof LengthShapingSchema>;

/**
 * Length shaping that adapts to a group's accuracy. The length term is Kimi k1.5's ("Kimi k1.5:
 * Scaling Reinforcement Learning with LLMs"): within a group,
 *   lambda_i = 0.5 - (len_i - min_len) / (max_len - min_len)      (0 when all lengths are equal)
 *   bonus_i = lambda_i if response i is correct, else min(0, lambda_i)
 * and its weight follows the group's accuracy acc_g (fraction of correct responses):
 *   r'_i = r_i + alpha * acc_g * bonus_i
 * A group that mostly fails is left alone (no pressure to be short before being right); a group
 * that mostly succeeds is pushed toward its shorter correct answers.
 */
export function lengthShapedRewards(
  rewards: readonly number[],
  lengths: readonly number[],
  groupKeys: readonly string[],
  options: LengthShaping,
): number[] {
  const groups = new Map<string, number[]>();
  groupKeys.forEach((key, index) => {
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  const shaped = [...rewards];
  for (const members of groups.values()) {
    const groupLengths = members.map((index) => lengths[index] as number);
    const shortest = Math.min(...groupLengths);
    const longest = Math.max(...groupLengths);
    const correct = members.map((index) => (rewards[index] as number) >= options.correct_threshold);
    const accuracy = correct.filter(Boolean).length / members.length;
    members.forEach((index, position) => {
      const lambda =
        longest === shortest ? 0 : 0.5 - ((lengths[index] as number) - shortest) / (longest - shortest);
      const bonus = correct[position] ? lambda : Math.min(0, lambda);
      shaped[index] = (rewards[index] as number) + options.alpha * accuracy * bonus + 0;
    });
  }
  return shaped;
}
