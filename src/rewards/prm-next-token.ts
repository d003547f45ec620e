/**
 * P(good) from next-token log-probabilities: with G the tokens meaning "good" and B "bad"
 * (compared after trimming whitespace, case-sensitively), P(good) = sum_{t in G} e^{lp(t)} /
 * (sum_{t in G} e^{lp(t)} + sum_{t in B} e^{lp(t)}). Undefined when no label token is listed.
 * `top` is one position of legacy completions `top_logprobs` (`{token: logprob}`).
 */
export function labelProbability(
  top: Readonly<Record<string, number>>,
  goodTokens: readonly string[],
  badTokens: readonly string[],
): number | undefined {
  let good = 0;
  let bad = 0;
  for (const [token, logprob] of Object.entries(top)) {
    const trimmed = token.trim();
    if (goodTokens.includes(trimmed)) good += Math.exp(logprob);
    else if (badTokens.includes(trimmed)) bad += Math.exp(logprob);
  }
  return good + bad === 0 ? undefined : good / (good + bad);
}
