/**
 * An answer written as the derivation that reaches it, the result at its end:
 * - an implication, `\frac{5}{7}x = 125 \implies x = 125 \times \frac{7}{5} = 175`: the clause after
 *   the last arrow (`\implies`, `\Rightarrow`, `\Longrightarrow`, `⟹`, `⇒`, `\therefore`) is what the
 *   premises were shown to give (the premise restated the problem, a relation, no value);
 * - against a single number, a list of computations of numbers only, each on the result before
 *   it, `30 - 6 = 24, \quad \frac{24}{2} = 12`: the last computation's result.
 * Real outputs round 20: GPT-4 Code Interpreter on Ape210K, which asks for the formula, boxes its
 * derivation after its boxed value; both were refused (a relation restated; a list against a number).
 */
import { hasLetterOrDigit } from '../core/text.js';
import { splitTopLevel } from './braces.js';

/** Arrows of implication, and "therefore" (`\Rightarrow` is no part of `\Longrightarrow`: it starts `\L`). */
const IMPLICATIONS = ['\\implies', '\\Longrightarrow', '\\Rightarrow', '\\therefore', '⟹', '⇒', '∴'];
/** LaTeX commands of arithmetic and spacing, which a computation of numbers may hold. */
const ARITHMETIC_COMMANDS =
  /\\(?:[dt]?frac|times|cdot|div|left|right|quad|qquad|[,;:! ]|sqrt|text\{\s*\})(?![A-Za-z])/g;
/** A number: the result a computation ends in. */
const RESULT = /^\s*-?\d+(?:\.\d+)?\s*$/;

/** A negated arrow (`\not\Rightarrow`, `\nRightarrow`, `⇏`): no implication to follow. */
const NEGATED_ARROW = /\\not\s*\\|\\n(?:Rightarrow|Leftrightarrow)|⇏/;
/** A clause that gives a value: a letter (indexed or not) equal to it, or no relation at all. */
const VALUE_CLAUSE = /^\s*(?:[A-Za-z](?:_\{?\w{1,3}\}?)?\s*=|[^=<>]*$)/;

/**
 * The clause after the last implication arrow outside brackets, when it gives a value (`x = 175`,
 * `175`): not after a case table (`a = 1 \Rightarrow x = 5, \quad a = 2 \Rightarrow x = 7`: a
 * comma before the arrow), words (`x = 5 \text{, but if rounding } \Rightarrow x = 7`) or a negated
 * arrow, and not a consequence of the value (`n = 7 \implies n^2 = 49` is left to the relation rules).
 */
function afterLastImplication(answer: string): string | undefined {
  if (answer.includes('\\text') || NEGATED_ARROW.test(answer)) return undefined;
  let clause: string | undefined;
  for (const arrow of IMPLICATIONS) {
    if (!answer.includes(arrow)) continue;
    const after = splitTopLevel(answer, arrow).at(-1) as string;
    if (after.length < answer.length && (clause === undefined || after.length < clause.length))
      clause = after;
  }
  if (clause === undefined) return undefined;
  const premises = answer.slice(0, answer.length - clause.length);
  if (splitTopLevel(premises, ',').length > 1 || splitTopLevel(premises, ';').length > 1) return undefined;
  const trimmed = clause.replace(/^[\s,:;]+|[\s.,;]+$/g, '');
  return hasLetterOrDigit(trimmed) && VALUE_CLAUSE.test(trimmed) ? trimmed : undefined;
}

/** An operator of arithmetic (a computation, not a number restated). */
const OPERATOR = /[-+*/×÷·]|\\(?:[dt]?frac|times|cdot|div)(?![A-Za-z])/;

/**
 * The result of the last of two or more computations of numbers only, each working on the result
 * before it (`30 - 6 = 24, \frac{24}{2} = 12`); not numbers restated (`5 = 5, 7 = 7`) or
 * computations side by side (`6 + 1 = 7, 2 + 3 = 5`).
 */
function lastComputedResult(answer: string): string | undefined {
  const items = splitTopLevel(answer, ',').flatMap((item) => splitTopLevel(item, ';'));
  if (items.length < 2) return undefined;
  let result: string | undefined;
  for (const item of items) {
    const sides = item.split('=');
    if (sides.length < 2) return undefined;
    const last = sides[sides.length - 1] as string;
    const worked = sides.slice(0, -1).join('=');
    if (!RESULT.test(last) || !OPERATOR.test(worked)) return undefined;
    if (sides.some((side) => /[A-Za-z]/.test(side.replace(ARITHMETIC_COMMANDS, '')))) return undefined;
    if (result !== undefined && !(worked.match(/\d+(?:\.\d+)?/g) ?? ([] as string[])).includes(result))
      return undefined;
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
