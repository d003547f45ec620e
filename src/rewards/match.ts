import { z } from 'zod';
import { scored, undecided } from '../core/result.js';
import { defineRewardKind } from '../core/reward-kind.js';
import { acceptedAnswers, type Sample } from '../core/sample.js';

export const MatchOptionsSchema = z
  .object({
    /** exact: trimmed strings equal; normalized: SQuAD-normalized strings equal;
     *  contains: the normalized gold occurs in the normalized prediction; f1: SQuAD token F1. */
    mode: z.enum(['exact', 'normalized', 'contains', 'f1']).default('normalized'),
    /** Take the prediction from the last <answer>...</answer> of the response first. */
    extract_answer_tag: z.boolean().default(false),
  })
  .strict();

export type MatchOptions = z.infer<typeof MatchOptionsSchema>;

/** SQuAD answer normalization: lowercase, drop punctuation, drop articles, collapse white space. */
export function normalizeAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * SQuAD token F1 between a prediction and a gold answer (both normalized, split on spaces):
 *
 *   common = |tokens(pred) ∩ tokens(gold)| (multiset), P = common/|pred|, R = common/|gold|,
 *   F1 = 2PR / (P + R); F1 = 1 when both are empty, 0 when only one is or nothing is shared.
 */
export function tokenF1(pred: string, gold: string): number {
  const predTokens = normalizeAnswer(pred).split(' ').filter(Boolean);
  const goldTokens = normalizeAnswer(gold).split(' ').filter(Boolean);
  if (predTokens.length === 0 || goldTokens.length === 0) {
    return predTokens.length === goldTokens.length ? 1 : 0;
  }
  const goldCounts = new Map<string, number>();
  for (const token of goldTokens) goldCounts.set(token, (goldCounts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of predTokens) {
    const left = goldCounts.get(token) ?? 0;
    if (left > 0) {
      common++;
      goldCounts.set(token, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / predTokens.length;
  const recall = common / goldTokens.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Compares one prediction with one gold answer under a mode; returns a score in [0, 1]. */
export function compareText(gold: string, pred: string, mode: MatchOptions['mode']): number {
  switch (mode) {
    case 'exact':
      return pred.trim() === gold.trim() ? 1 : 0;
    case 'normalized':
      return normalizeAnswer(pred) === normalizeAnswer(gold) ? 1 : 0;
    case 'contains':
      return normalizeAnswer(pred).includes(normalizeAnswer(gold)) ? 1 : 0;
    case 'f1':
      return tokenF1(pred, gold);
  }
}

/**
 * The text inside the last <answer>...</answer>, or undefined when there is none. Pairs each
 * <answer> with the next </answer>, left to right (as a lazy regex would), but in linear time:
 * a response of 50,000 unclosed <answer> tags would make the regex rescan the rest of the text
 * from every one of them.
 */
export function extractAnswerTag(response: string): string | undefined {
  const open = '<answer>';
  const close = '</answer>';
  let last: string | undefined;
  let cursor = 0;
  for (;;) {
    const start = response.indexOf(open, cursor);
    if (start < 0) break;
    const end = response.indexOf(close, start + open.length);
    if (end < 0) break;
    last = response.slice(start + open.length, end);
    cursor = end + close.length;
  }
  return last;
}

/** The gold answers: `reference.text` (a string or a list of acceptable strings), else `reference.answer`. */
function goldAnswers(sample: Sample): string[] | undefined {
  const text = sample.reference?.['text'];
  if (typeof text === 'string') return [text];
  if (Array.isArray(text) && text.length > 0 && text.every((item) => typeof item === 'string')) {
    return text as string[];
  }
  return acceptedAnswers(sample.reference);
}

/** `type: match`: the response (or its <answer>) against reference text: exact, normalized, contains, F1. */
export const matchReward = defineRewardKind({
  name: 'match',
  description:
    'compares the response with reference.text (or reference.answer): exact, normalized, contains or token F1',
  optionsSchema: MatchOptionsSchema,
  defaultTimeoutSeconds: 1,
  create: (options) => ({
    score(sample) {
      const golds = goldAnswers(sample);
      if (golds === undefined) {
        return undecided('error', {
          code: 'RK_INPUT_INVALID',
          message: 'the sample has no reference.text or reference.answer to match against',
        });
      }
      const pred = options.extract_answer_tag ? extractAnswerTag(sample.response) : sample.response;
      if (pred === undefined) {
        return undecided('unparseable', {
          code: 'RK_UNPARSEABLE',
          message: 'no <answer>...</answer> in the response',
        });
      }
      // With several acceptable golds, the best match counts (as in SQuAD evaluation).
      let best = 0;
      let bestGold = golds[0];
      for (const gold of golds) {
        const score = compareText(gold, pred, options.mode);
        if (score > best) {
          best = score;
          bestGold = gold;
        }
      }
      return scored(best, { mode: options.mode, pred, gold: bestGold });
    },
  }),
});
