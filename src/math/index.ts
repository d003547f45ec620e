/** The math answer verifier: extraction, normalization, parsing and comparison, usable alone. */
export { compareValues } from './compare.js';
// Exact and numeric evaluation of a parsed expression (used by the step checker).
export { evaluate } from './evaluate.js';
export { evaluateExact } from './evaluate-exact.js';
export { extractAnswer } from './extract.js';
export { DEFAULT_EXTRACTION_PRIORITY, type Extraction, type ExtractorName } from './extraction.js';
export { normalizeAnswer } from './normalize.js';
export { DEFAULT_MATH_VERIFY_OPTIONS, type MathVerifyOptions, MathVerifyOptionsSchema } from './options.js';
export { parseAnswer } from './parse-answer.js';
export type { AnswerTrace } from './prepared-answer.js';
export type { MathJson, MathValue } from './value.js';
export type { Verdict, VerdictName } from './verdict.js';
export { type VerifyOutcome, verifyAnswer } from './verify.js';
