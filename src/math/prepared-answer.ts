/**
 * One side of a verification prepared for comparison: the text extracted, normalized and parsed
 * (a gold's or a prediction's), with what the gold's reading adds (its option letter, its minutes).
 */
import type { Extraction, ExtractorName } from './extraction.js';
import { gammaAsFactorial } from './gamma-function.js';
import type { GoldGuidedRule } from './gold-guided.js';
import { MAX_ANSWER_CHARS, normalizeAnswer } from './normalize.js';
import { parseAnswer } from './parse-answer.js';
import { emptyConjunction } from './relation-conjunction.js';
import { withoutSegmentBar } from './segment-name.js';
import { describeValue, type MathValue } from './value.js';

/** One side of a verification: what was extracted, normalized and parsed. */
export interface AnswerTrace {
  extracted: string | undefined;
  extractor: ExtractorName | 'whole' | GoldGuidedRule | undefined;
  normalized: string | undefined;
  parsed: string | undefined;
}

export interface PreparedAnswer {
  trace: AnswerTrace;
  value: MathValue | undefined;
  /** For golds: the multiple-choice letter the gold is, if it is one. */
  choice?: string | undefined;
  /** For golds: the options a multiple-select gold names (`AC`, `A, C`), sorted. */
  choices?: string | undefined;
  /** For a gold option written with its text (`(B) 12`, `\textbf{(C) }\frac{1}{2}`): that text's value. */
  option?: MathValue | undefined;
  /** Longer than MAX_ANSWER_CHARS: not compared. */
  tooLong?: boolean;
  /** For golds: the gold read with a decimal comma (`1,22` as 1.22), once asked; null: no such reading. */
  decimalComma?: PreparedAnswer | null;
  /** For golds: a number of minutes written `N min` (`9\text{ min}`). */
  minutes?: boolean;
  /** For golds: a mixed number written as Ape210K writes it, `1(1/3)` (gold-answer.ts). */
  mixedInParentheses?: boolean;
}

/** A number then `min` (normalized): minutes in a gold, and in a response against such a gold. */
const MINUTES = /^(-?\d+(?:\.\d+)?)\s*min$/;

/** An answer normalized to `N min`, read again as `N minutes` (its extractor kept); undefined for any other. */
export function asMinutes(answer: PreparedAnswer): PreparedAnswer | undefined {
  const minutes = MINUTES.exec(answer.trace.normalized ?? '');
  if (minutes === null) return undefined;
  const extractor = answer.trace.extractor ?? 'whole';
  return prepare({ text: `${minutes[1]} minutes`, extractor } as Extraction);
}

export function prepare(
  extraction: Extraction | { text: string; extractor: 'whole' } | undefined,
): PreparedAnswer {
  if (extraction === undefined) {
    return {
      trace: { extracted: undefined, extractor: undefined, normalized: undefined, parsed: undefined },
      value: undefined,
    };
  }
  // Longer answers are not compared at all: never equal by reading a truncated prefix.
  if (extraction.text.length > MAX_ANSWER_CHARS) {
    return {
      trace: {
        extracted: extraction.text,
        extractor: extraction.extractor,
        normalized: undefined,
        parsed: undefined,
      },
      value: undefined,
      tooLong: true,
    };
  }
  const normalized = normalizeAnswer(extraction.text);
  if (normalized.text.includes('\\Gamma')) normalized.text = gammaAsFactorial(normalized.text);
  if (normalized.text.startsWith('\\overline')) normalized.text = withoutSegmentBar(normalized.text);
  const parsed = parseAnswer(normalized.text, normalized.percent);
  // `x \le -2 \text{ and } x \ge 7`: bounds joined by "and" that no number meets together.
  const value = emptyConjunction(parsed, extraction.text) ?? parsed;
  return {
    trace: {
      extracted: extraction.text,
      extractor: extraction.extractor,
      normalized: normalized.text,
      parsed: value === undefined ? undefined : describeValue(value),
    },
    value,
  };
}
