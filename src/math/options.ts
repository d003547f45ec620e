import { z } from 'zod';
import { withKeyAliases } from '../core/option-aliases.js';
import { DEFAULT_EXTRACTION_PRIORITY, ExtractorNameSchema } from './extraction.js';

/**
 * The camelCase spellings of the math options before they followed the spec's snake_case; still
 * accepted (and documented in docs/math-verifier.md) for one release.
 */
export const MATH_OPTION_ALIASES: Readonly<Record<string, string>> = {
  goldExtraction: 'gold_extraction',
  lastNumberFallback: 'last_number_fallback',
  relativeTolerance: 'relative_tolerance',
  absoluteTolerance: 'absolute_tolerance',
  numericPoints: 'numeric_points',
  casCheck: 'cas_check',
};

/** The math options as a spec writes them (snake_case, as every other kind). */
const MathOptionFieldsSchema = z
  .object({
    /** Extractors tried on the prediction, in order (see extract.ts). */
    extraction: z
      .array(ExtractorNameSchema)
      .min(1)
      .default([...DEFAULT_EXTRACTION_PRIORITY]),
    /** Extractors tried on a gold that is a full solution (contains `\boxed`, `####` or `<answer>`). */
    gold_extraction: z.array(ExtractorNameSchema).min(1).default(['boxed', 'gsm8k', 'answer_tag']),
    /** Allow the bare last number of the response as the answer when nothing else is found. */
    last_number_fallback: z.boolean().default(true),
    /** Relative tolerance for inexact numbers: |gold - pred| <= rel * max(|gold|, |pred|). */
    relative_tolerance: z.number().min(0).max(0.5).default(1e-6),
    /** Absolute tolerance, used only when one side is exactly zero (so 2^-99 != 2^-98). */
    absolute_tolerance: z.number().min(0).default(1e-9),
    /** When set, inexact numbers also count as equal when both round to this many decimals alike. */
    precision: z.number().int().min(0).max(15).optional(),
    /**
     * A decimal written to k places equals an exact value (fraction, radical, pi ...) that rounds to
     * it at k places, when k >= `decimal_rounding_min_places`: `0.33` = 1/3, `2.6667` = 8/3, also
     * inside tuples, intervals and matrices. Two decimals still compare exactly.
     */
    decimal_rounding: z.boolean().default(true),
    /** Fewest decimal places for `decimal_rounding` (so `0.3` is not 1/3 by default). */
    decimal_rounding_min_places: z.number().int().min(1).max(15).default(2),
    /**
     * How a value written with `%` is read. `either`: 50% equals 50 and 0.5; `fraction`: 50%
     * equals only 0.5 (and 50%).
     */
    percent: z.enum(['either', 'fraction']).default('either'),
    /** Random points for the numeric check of expressions with variables. */
    numeric_points: z.number().int().min(3).max(64).default(8),
    /**
     * Also ask compute-engine to simplify gold - pred to 0 after the numeric check agrees (method
     * `cas+numeric`). Off by default: it costs milliseconds per pair and never changes a verdict.
     */
    cas_check: z.boolean().default(false),
  })
  .strict();

/**
 * Options of the math verifier (and of the `type: math` reward kind). The schema is the single
 * source of truth: specs write snake_case keys (the old camelCase ones are aliases), and the
 * verifier reads the parsed object with TypeScript's camelCase names.
 */
export const MathVerifyOptionsSchema = withKeyAliases(MathOptionFieldsSchema, MATH_OPTION_ALIASES).transform(
  (options) => ({
    extraction: options.extraction,
    goldExtraction: options.gold_extraction,
    lastNumberFallback: options.last_number_fallback,
    relativeTolerance: options.relative_tolerance,
    absoluteTolerance: options.absolute_tolerance,
    ...(options.precision === undefined ? {} : { precision: options.precision }),
    decimalRounding: options.decimal_rounding,
    decimalRoundingMinPlaces: options.decimal_rounding_min_places,
    percent: options.percent,
    numericPoints: options.numeric_points,
    casCheck: options.cas_check,
  }),
);

export type MathVerifyOptions = z.output<typeof MathVerifyOptionsSchema>;
export type MathVerifyOptionsInput = z.input<typeof MathOptionFieldsSchema>;

export const DEFAULT_MATH_VERIFY_OPTIONS: MathVerifyOptions = MathVerifyOptionsSchema.parse({});
