import type { ChatTokenLogprob } from '../models/index.js';

/**
 * The score of a yes/no verdict from the logprobs at its token: P(yes) / (P(yes) + P(no)), where
 * P(yes) sums e^logprob over the position's candidates (the sampled token and its top_logprobs,
 * each token counted once) whose text, trimmed and lower-cased, is "yes" (likewise "no").
 * Undefined when neither appears there.
 */
export function verdictProbability(position: ChatTokenLogprob): number | undefined {
  const seen = new Map<string, number>([[position.token, position.logprob]]);
  for (const candidate of position.top_logprobs)
    if (!seen.has(candidate.token)) seen.set(candidate.token, candidate.logprob);
  let yes = 0;
  let no = 0;
  for (const [token, logprob] of seen) {
    const word = token.trim().toLowerCase();
    if (word === 'yes') yes += Math.exp(logprob);
    else if (word === 'no') no += Math.exp(logprob);
  }
  return yes + no === 0 ? undefined : yes / (yes + no);
}

/** The logprob entry of the token covering character `offset` of the reply (tokens concatenate to it). */
export function tokenAt(tokens: readonly ChatTokenLogprob[], offset: number): ChatTokenLogprob | undefined {
  let cursor = 0;
  for (const token of tokens) {
    const end = cursor + token.token.length;
    if (offset >= cursor && offset < end) return token;
    cursor = end;
  }
  return undefined;
}
