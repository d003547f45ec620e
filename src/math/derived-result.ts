/**
 * An answer written as the derivation that reaches it, the result at its end:
 * - an implication, `\frac{5}{7}x = 125 \implies x = 125 \times \frac{7}{5} = 175`: the clause after
 *   the last arrow (`\implies`, `\Rightarrow`, `\Longrightarrow`, `⟹`, `⇒`, `\therefore`) is what the
 *   premises were shown to give (the premise restated the problem, a relation, no value);
 * - against a single number, a list of computations of numbers only, `30 - 6 = 24, \quad
 *   \frac{24}{2} = 12`: the last computation's result (each earlier one a step towards it).
 * Real outputs round 20: GPT-4 Code Interpreter on Ape210K, which asks for the formula, boxes its
 * derivation after its boxed value; both were refused (a relation restated; a list against a number).
 */
import { splitTopLevel } from './braces.js';

/** Arrows of implication, and "therefore" (`\Rightarrow` is no part of `\Longrightarrow`: it starts `\L`). */
const IMPLICATIONS = ['\\implies', '\\Longrightarrow', '\\Rightarrow', '\\therefore', '⟹', '⇒', '∴'];
/** LaTeX commands of arithmetic and spacing, which a computation of numbers may hold. */
const ARITHMETIC_COMMANDS =
  /\\(?:[dt]?frac|times|cdot|div|left|right|quad|qquad|[,;:! ]|sqrt|text\{\s*\})(?![A-Za-z])/g;
/** A number: the result a computation ends in. */
const RESULT = /^\s*-?\d+(?:\.\d+)?\s*$/;

/** The clause after the last implication arrow outside brackets, when one follows it. */
function afterLastImplication(answer: string): string | undefined {
  let clause: string | undefined;
  for (const arrow of IMPLICATIONS) {
    if (!answer.includes(arrow)) continue;
    const after = splitTopLevel(answer, arrow).at(-1) as string;
    if (after.length < answer.length && (clause === undefined || after.length < clause.length))
      clause = after;
  }
  const trimmed = clause?.replace(/^[\s,:;]+|[\s.,;]+$/g, '');
  return trimmed !== undefined && /[\p{L}\p{N}]/u.test(trimmed) ? trimmed : undefined;
}

/** The result of the last of two or more computations of numbers only (`a - b = c, d / e = f`). */
function lastComputedResult(answer: string): string | undefined {
  const items = splitTopLevel(answer, ',').flatMap((item) => splitTopLevel(item, ';'));
  if (items.length < 2) return undefined;
  let result: string | undefined;
  for (const item of items) {
    const sides = item.split('=');
    if (sides.length < 2) return undefined;
    const last = sides[sides.length - 1] as string;
    if (!RESULT.test(last)) return undefined;
    if (sides.some((side) => /[A-Za-z]/.test(side.replace(ARITHMETIC_COMMANDS, '')))) return undefined;
    result = last.trim();
  }
  return result;
}

/**
 * The result an answer written as its derivation reaches (see above), or undefined; never when the
 * gold is an implication itself. A list of computations is read only against a gold of one value
 * (`againstOneValue`): against a list gold each item may be an answer.
 */
export function derivedResult(answer: string, gold: string, againstOneValue: boolean): string | undefined {
  if (!answer.includes('=')) return undefined;
  const clause = IMPLICATIONS.some((arrow) => gold.includes(arrow))
    ? undefined
    : afterLastImplication(answer);
  if (clause !== undefined) return clause;
  return againstOneValue && /[,;]/.test(answer) ? lastComputedResult(answer) : undefined;
}
