import { lastNumberStart } from './last-number-place.js';

/**
 * A last number read from prose or from a formula the parser could not read, that an operator
 * acts on: the value is not that number (a red team of stop 35).
 *
 * - A factorial: "There are 5! ways." is 120, `\boxed{18!\text{ ways}}` is 18!. A `!` before a
 *   word or a command, never one that ends the sentence ("The answer is 5!").
 * - A power in words: "18 squared" is 18^2, "18 cubed" is 18^3.
 * - An exponent, a subscript or a root's argument: `e^{18} \text{ ways}`, `\sqrt{18} \\ ok`. The
 *   value is no plain number at all; the caller reads the answer as unread (its match undecidable).
 */
export type OperatedNumber = { formula: string } | { argumentOf: string };

/** A factorial sign followed by a word or a command (not the end of a sentence). */
const FACTORIAL_AFTER = /^!(?=\s*(?:[a-z]|\\[A-Za-z]|[}$]))/;
/** A power in words after the number. */
const POWER_WORD_AFTER = /^\s+(squared|cubed)\b/i;
/** What makes the number an exponent, a subscript or a root's argument, right before it. */
const ARGUMENT_BEFORE = /(?:\^|_|\\sqrt(?:\s*\[[^\]]*\])?)\s*\{?\s*$/;

/** The operator acting on the number from `start` to `end` of `text`, or undefined. */
export function operatedNumber(text: string, start: number, end: number): OperatedNumber | undefined {
  const number = text.slice(start, end);
  const after = text.slice(end, end + 16);
  if (FACTORIAL_AFTER.test(after)) return { formula: `${number}!` };
  const power = POWER_WORD_AFTER.exec(after)?.[1];
  if (power !== undefined) return { formula: `${number}^${power.toLowerCase() === 'squared' ? 2 : 3}` };
  const before = ARGUMENT_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
  return before === null ? undefined : { argumentOf: before[0].trim().replace(/\s*\{$/, '') };
}

/**
 * A last number read from the response (`extraction`), widened to the formula an operator after it
 * makes ("5! ways" -> `5!`, "18 squared" -> `18^2`); undefined when nothing acts on it or the
 * extraction is no such number.
 */
export function withOperatorAfter<T extends { text: string; extractor: string; end: number }>(
  extraction: T | undefined,
  response: string,
): T | undefined {
  const start = lastNumberStart(extraction, response);
  if (extraction === undefined || start === undefined) return undefined;
  const operated = operatedNumber(response, start, extraction.end);
  return operated !== undefined && 'formula' in operated
    ? { ...extraction, text: operated.formula }
    : undefined;
}
