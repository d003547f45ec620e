/**
 * Copies of a labelled pair that repeat nothing, for the "marginal, nothing repeats" figure of
 * cli-cost.ts: 4 copies of a corpus whose golds and responses differ from copy to copy, so that no
 * cache keyed by them (the parsed-gold cache of src/math/verify.ts, the parsed-LaTeX LRU of
 * src/math/latex-expression.ts, the engine's component cache) can hit, while every copy keeps its
 * verdict and the way it is reached.
 *
 * Copy k (k >= 1) of a pair whose gold is a plain number writes the gold with k more zero decimals
 * (`18` -> `18.0`, `18.00`; `2.5` -> `2.50`) and the number the verifier reads as the response's
 * answer the same way (`The answer is 18.` -> `The answer is 18.0.`), so `18` against `18` stays a
 * comparison of two identical numbers; the response also gets k trailing spaces, so no two copies
 * of it are the same string even where its answer could not be padded (no answer, a word, `1,430`).
 * Pairs whose gold is not a plain number (the LaTeX corpus) have no such neutral rewrite: undefined.
 */
import { verifyAnswer } from '../../src/math/index.js';
import type { LabelledPair } from './labelled-pair.js';

const PLAIN_NUMBER = /^-?\d{1,30}(?:\.\d{1,30})?$/;

/** `18` -> `18.0` (copy 1), `18.00` (copy 2); `2.5` -> `2.50`. */
export function withZeroDecimals(number: string, copy: number): string {
  return number.includes('.') ? number + '0'.repeat(copy) : `${number}.${'0'.repeat(copy)}`;
}

/**
 * Where in `response` the number `normalized` of the extracted answer `extracted` is written, when
 * it is written there digit for digit with no digit, decimal point or separator against it.
 */
function answerNumberAt(response: string, extracted: string, normalized: string): number | undefined {
  const answerAt = response.lastIndexOf(extracted);
  const inner = extracted.lastIndexOf(normalized);
  if (answerAt < 0 || inner < 0) return undefined;
  const at = answerAt + inner;
  const before = response[at - 1] ?? '';
  const after = response.slice(at + normalized.length, at + normalized.length + 2);
  if (/[\d.,]/.test(before) || /^(?:\d|[.,]\d)/.test(after)) return undefined;
  return at;
}

/** Copy `copy` of `pair` (0: the pair itself), or undefined when its gold is not a plain number. */
export function unrepeatedCopy(pair: LabelledPair, copy: number): LabelledPair | undefined {
  if (!PLAIN_NUMBER.test(pair.gold)) return undefined;
  if (copy === 0) return pair;
  let response = pair.response;
  const { extracted, normalized } = verifyAnswer(pair.gold, pair.response).pred;
  if (extracted !== undefined && normalized !== undefined && PLAIN_NUMBER.test(normalized)) {
    const at = answerNumberAt(response, extracted, normalized);
    if (at !== undefined) {
      response =
        response.slice(0, at) + withZeroDecimals(normalized, copy) + response.slice(at + normalized.length);
    }
  }
  return {
    ...pair,
    gold: withZeroDecimals(pair.gold, copy),
    response: `${response}${' '.repeat(copy)}`,
  };
}
