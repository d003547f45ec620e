/**
 * Multinomial resampling: `count` indices drawn independently with probability proportional to
 * `weights` (inverse-CDF with one uniform draw each), as particle filtering does every step
 * ("A Probabilistic Inference Approach to Inference-Time Scaling of LLMs using Particle-Based
 * Monte Carlo Methods", Puri et al.; its_hub draws with `random.choices`). Weights need not sum
 * to 1; all-zero weights fall back to uniform.
 */
export function multinomialResample(
  weights: readonly number[],
  count: number,
  random: () => number,
): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const uniform = !(total > 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const weight of weights) {
    running += uniform ? 1 : weight;
    cumulative.push(running);
  }
  const scale = uniform ? weights.length : total;
  const picks: number[] = [];
  for (let draw = 0; draw < count; draw++) {
    const target = random() * scale;
    let index = cumulative.findIndex((edge) => target < edge);
    if (index < 0) index = weights.length - 1;
    picks.push(index);
  }
  return picks;
}
