import { z } from 'zod';

/** The answer extractors, in their default priority order (extract.ts tries them in turn). */
export const ExtractorNameSchema = z.enum([
  'json_answer',
  'boxed',
  'answer_tag',
  'gsm8k',
  'final_answer',
  'answer_colon',
  'whole_expression',
  'latex',
  'last_number',
]);
export type ExtractorName = z.infer<typeof ExtractorNameSchema>;

/** The extractors in the order they are declared above. */
export const DEFAULT_EXTRACTION_PRIORITY: readonly ExtractorName[] = ExtractorNameSchema.options;

/** Extractors that read an unmarked answer (the last math, the last number): a guess, not a statement. */
export const WEAK_EXTRACTORS: ReadonlySet<ExtractorName> = new Set(['latex', 'last_number']);

export interface Extraction {
  text: string;
  extractor: ExtractorName;
  /** Where the candidate ends in the (possibly truncated) text. */
  end: number;
  /** Where its marker ("The final answer is", `####` ...) starts, when it has one. */
  start?: number;
  /**
   * Where its values start in the text when `text` is not there verbatim: numbers joined by words
   * or spaced otherwise ("not 2 and 3" read as `2, 3`), a tuple the fallback rebuilt (`(2,3)`). The
   * hedge checks read the words before the values from here ("not", "at least").
   */
  valueStart?: number;
  /** An alternative the phrase offers in parentheses ("5 (or possibly 6)"): `6`. */
  alternative?: string;
  /**
   * Where the text this candidate answers for ends, when that is after `end`: the end of the
   * condition span after it ("$5$ when $x = 2$", condition-span.ts). A later number inside that
   * condition is no rival answer.
   */
  coversTo?: number;
  /** That condition's content (`k = 4` of "$0$ when $k = 4$"), read when the gold names its letter. */
  condition?: string;
}

/** Only the tail of very long responses is searched: answers sit at the end. */
export const MAX_SCANNED_CHARS = 32_000;
