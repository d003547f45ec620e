import { verifyAnswer } from '../math/index.js';
import { type Policy, prefixOf, solutionText } from '../search/index.js';
import type { LabelProblem } from './types.js';

/**
 * The Monte Carlo estimate behind every method: from the solution's first `stepCount` steps, `n`
 * completions by the policy to the end; the fraction whose final answer equals the reference
 * (rewardkit's math verifier). A prefix that already ends the solution is judged as it stands.
 */
export async function rolloutSuccess(
  problem: LabelProblem,
  stepCount: number,
  n: number,
  policy: Policy,
  seed: number,
): Promise<{ successes: number; rollouts: number }> {
  const gold = problem.reference?.answer ?? '';
  const steps = problem.steps.slice(0, stepCount);
  if (stepCount >= problem.steps.length) {
    const right = verifyAnswer(gold, solutionText(steps)).verdict === 'equal';
    return { successes: right ? n : 0, rollouts: 0 };
  }
  // The text the policy continues, and each rollout is judged as that text plus its completion.
  const prefix = prefixOf(steps);
  const completions = await policy.continue(problem, prefix, {
    n,
    untilStepEnd: false,
    seed: seed + stepCount * 7919,
  });
  let successes = 0;
  for (const completion of completions) {
    if (verifyAnswer(gold, `${prefix}${completion.text}`).verdict === 'equal') successes += 1;
  }
  return { successes, rollouts: completions.length };
}
