/** A scored token of a sequence: where it starts (character offset) and its log-probability. */
export interface OffsetLogprob {
  text: string;
  offset: number;
  logprob: number | null;
}

/**
 * Implicit process rewards ("Free Process Rewards without Process Labels", Yuan et al. 2024;
 * PRIME, Cui et al. 2025). With the reward parameterised as r(y) = beta * log(pi_theta(y) /
 * pi_ref(y)), the reward of step k is
 *
 *   r_k = beta * sum_{t in step k} ( log pi_theta(y_t | y_<t) - log pi_ref(y_t | y_<t) )
 *
 * over the tokens whose first character lies in step k's span of the sequence. Spans are
 * [start_k, start_{k+1}) (the last one ends at `responseEnd`), so separators between steps count
 * toward the step before them. Tokens of the prompt (before `steps[0]`'s start) are not counted.
 * Both token lists must be the same tokens (same texts and offsets); the caller checks that.
 */
export function implicitStepRewards(
  policy: readonly OffsetLogprob[],
  reference: readonly OffsetLogprob[],
  stepStarts: readonly number[],
  responseEnd: number,
  beta: number,
): { rewards: number[] } | { problem: string } {
  const rewards = stepStarts.map(() => 0);
  for (let index = 0; index < policy.length; index += 1) {
    const token = policy[index]!;
    const step = stepOf(token.offset, stepStarts, responseEnd);
    if (step === undefined) continue;
    const policyLogprob = token.logprob;
    const referenceLogprob = reference[index]?.logprob;
    if (policyLogprob === null || referenceLogprob === null || referenceLogprob === undefined) {
      return { problem: `no log-probability for token ${index} ('${token.text}') of the response` };
    }
    rewards[step] = (rewards[step] as number) + beta * (policyLogprob - referenceLogprob);
  }
  return { rewards };
}

function stepOf(offset: number, stepStarts: readonly number[], responseEnd: number): number | undefined {
  if (stepStarts.length === 0 || offset < (stepStarts[0] as number) || offset >= responseEnd)
    return undefined;
  let step = 0;
  while (step + 1 < stepStarts.length && offset >= (stepStarts[step + 1] as number)) step += 1;
  return step;
}

/** Where each step starts in the response, searched in order; undefined for a step not found. */
export function locateSteps(
  response: string,
  steps: readonly string[],
  responseStart: number,
): (number | undefined)[] {
  let cursor = 0;
  return steps.map((step) => {
    const at = response.indexOf(step, cursor);
    if (at === -1) return undefined;
    cursor = at + step.length;
    return responseStart + at;
  });
}
