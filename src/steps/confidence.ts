import { z } from 'zod';
import type { Sample } from '../core/sample.js';
import { cleanSteps, defineSegmenter } from './segmenter.js';

const ConfidenceOptionsSchema = z
  .object({
    /** A new step starts after a token whose probability exp(logprob) is below this. */
    threshold: z.number().gt(0).lt(1).default(0.8),
    /** Minimum tokens in a step, so a run of unsure tokens does not shatter the text. */
    min_tokens: z.number().int().positive().default(4),
    /** When the sample carries no tokens/logprobs: split like this instead. */
    fallback: z.enum(['paragraph', 'line', 'none']).default('paragraph'),
  })
  .strict();

export type ConfidenceOptions = z.output<typeof ConfidenceOptionsSchema>;

/**
 * Confidence-based splitting ("AdaptiveStep: Automatically Dividing Reasoning Step through Model
 * Confidence"): a step boundary goes where the model was unsure of its next token. With token
 * probabilities p_i = exp(logprob_i), a step ends right before token i when p_i < threshold and
 * the current step holds at least `min_tokens` tokens; the unsure token opens the next step (it
 * is the decision point the PRM should judge). Steps are the concatenated token texts.
 */
export function splitByConfidence(
  tokens: readonly string[],
  logprobs: readonly number[],
  options: ConfidenceOptions,
): string[] {
  const steps: string[] = [];
  let current = '';
  let count = 0;
  tokens.forEach((token, index) => {
    const probability = Math.exp(logprobs[index] ?? 0);
    if (probability < options.threshold && count >= options.min_tokens) {
      steps.push(current);
      current = '';
      count = 0;
    }
    current += token;
    count++;
  });
  steps.push(current);
  return cleanSteps(steps);
}

function fallbackSplit(sample: Sample, fallback: ConfidenceOptions['fallback']): string[] {
  if (fallback === 'paragraph') return cleanSteps(sample.response.split(/\n[ \t]*\n/));
  if (fallback === 'line') return cleanSteps(sample.response.split(/\r?\n/));
  return cleanSteps([sample.response]);
}

/** Steps from model confidence when the sample has `tokens` and `logprobs` of equal length. */
export const confidenceSegmenter = defineSegmenter({
  name: 'confidence',
  description: 'a step ends before a token the model was unsure of (AdaptiveStep); needs tokens and logprobs',
  optionsSchema: ConfidenceOptionsSchema,
  create: (options) => (sample) => {
    const { tokens, logprobs } = sample;
    if (
      tokens === undefined ||
      logprobs === undefined ||
      tokens.length !== logprobs.length ||
      tokens.length === 0
    ) {
      return fallbackSplit(sample, options.fallback);
    }
    return splitByConfidence(tokens, logprobs, options);
  },
});
