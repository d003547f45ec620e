import { beyondAscii } from './ascii-text.js';
import { splitTopLevel, walkBrackets } from './braces.js';
import { asInterval, removePoints } from './compare-interval.js';
import { integerSetBuilder, isIntegerDomain } from './integer-set-builder.js';
import { parseLatex } from './latex-expression.js';
import { parseMatrixExpression } from './parse-matrix.js';
import { PLAIN_NUMBER, parseNumberLiteral } from './parse-number.js';
import { rational, rationalToNumber } from './rational.js';
import { asSetOperand, differenceOf, intersectionOf } from './set-operations.js';
import {
  type IntervalPiece,
  type MathValue,
  type NumberValue,
  numberValue,
  type RelationOperator,
} from './value.js';

const MAX_DEPTH = 6;
const MAX_ITEMS = 64;
const MAX_PLUS_MINUS = 2;
/** `12:00`, `3:05`, `7:30 pm`: a clock time, kept as words; `7:32` alone reads as a ratio. */
const CLOCK_TIME = /^\d{1,2}:(?:0\d|[0-5]\d(?::[0-5]\d)?\s*[ap]\.?m\.?)$/i;
/** `x \in (2, 12) \cup (12, 102)`: membership binds looser than the union. */
const MEMBERSHIP = /^([A-Za-z](?:_\{?\w{1,4}\}?)?)\s*\\in(?![A-Za-z])\s*/;
/**
 * `\{x \mid x > 2\}`, `\{x : x > 2\}`, `\{x \in \mathbb{R} | x > 2\}`: set-builder notation (groups:
 * the variable, its domain, the condition).
 */
const SET_BUILDER = /^\\\{\s*([A-Za-z])(?:\s*\\in\s*([^|:]{1,30}?))?\s*(?:\\mid|\||:)\s*([\s\S]+?)\s*\\\}$/;
/** `0.\overline{3}`, `1.2\overline{45}`: a repeating decimal. */
const REPEATING_DECIMAL = /^(-?)(\d{0,30})\.(\d{0,30})\\overline\{(\d{1,30})\}$/;

/** A repeating decimal as its exact fraction: 0.1\overline{6} = (16 - 1) / 90 = 1/6. */
function repeatingDecimal(text: string): NumberValue | undefined {
  const match = REPEATING_DECIMAL.exec(text);
  if (match === null) return undefined;
  const [, sign = '', whole = '', fixed = '', period = ''] = match;
  const withPeriod = BigInt(`${whole}${fixed}${period}`);
  const withoutPeriod = BigInt(`${whole}${fixed}` || '0');
  const denominator = (10n ** BigInt(period.length) - 1n) * 10n ** BigInt(fixed.length);
  const exact = rational((sign === '-' ? -1n : 1n) * (withPeriod - withoutPeriod), denominator);
  return numberValue(exact, rationalToNumber(exact), false, text);
}

const RELATION_TOKENS: [string, RelationOperator][] = [
  ['\\le', '<='],
  ['\\ge', '>='],
  ['\\ne', '!='],
  ['\\lt', '<'],
  ['\\gt', '>'],
  ['\\in', 'in'],
  ['<=', '<='],
  ['>=', '>='],
  ['!=', '!='],
  ['=', '='],
  ['<', '<'],
  ['>', '>'],
];

/** Splits `a \le b < c` at top-level relation operators. */
function splitRelations(text: string): { sides: string[]; operators: RelationOperator[] } {
  const sides: string[] = [];
  const operators: RelationOperator[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (depth === 0) {
      const token = RELATION_TOKENS.find(
        ([spelling]) =>
          text.startsWith(spelling, index) &&
          !(spelling.startsWith('\\') && /[A-Za-z]/.test(text[index + spelling.length] ?? '')),
      );
      if (token !== undefined) {
        sides.push(text.slice(start, index));
        operators.push(token[1]);
        start = index + token[0].length;
        index = start - 1;
        continue;
      }
    }
    if (char === '\\') {
      const next = text[index + 1];
      if (next === '{') depth++;
      else if (next === '}') depth--;
      else if (text.startsWith('\\langle', index)) depth++;
      else if (text.startsWith('\\rangle', index)) depth--;
      index++;
      continue;
    }
    if (char === '{' || char === '(' || char === '[') depth++;
    else if (char === '}' || char === ')' || char === ']') depth--;
  }
  sides.push(text.slice(start));
  return { sides, operators };
}

/** When `text` is one bracketed group, its brackets and content. */
function wholeGroup(text: string): { open: string; close: string; inner: string } | undefined {
  const pairs: [string, string][] = [
    ['\\{', '\\}'],
    ['\\langle', '\\rangle'],
  ];
  for (const [open, close] of pairs) {
    if (text.startsWith(open) && text.endsWith(close) && text.length >= open.length + close.length) {
      const inner = text.slice(open.length, text.length - close.length);
      if (isBalancedGroup(inner)) return { open, close, inner };
    }
  }
  const open = text[0];
  const close = text[text.length - 1];
  if ((open !== '(' && open !== '[') || (close !== ')' && close !== ']') || text.length < 2) return undefined;
  // The first bracket must close only at the very end: `(1,2)` is one group, `(1)+(2)` is not.
  const closesAtEnd = walkBrackets(text, (depth, index) => depth > 0 || index === text.length - 1) === 0;
  return closesAtEnd ? { open, close, inner: text.slice(1, -1) } : undefined;
}

/**
 * `{1, 3}`: the content of bare braces around the whole answer. With several items it is a set
 * (written without the backslashes); with one it is only a TeX group.
 */
function bareBraces(text: string): string | undefined {
  if (text[0] !== '{' || text[text.length - 1] !== '}') return undefined;
  const inner = text.slice(1, -1);
  return isBalancedGroup(inner) ? inner : undefined;
}

/**
 * Items at the top level: separated by semicolons when there is one (`-12; -11; -10`,
 * `(0; -2; 6)`, the decimal-comma locales' separator; and groups of comma lists,
 * `p=5, q=2; p=7, q=2`, two answers of two values each), else by commas.
 */
function splitItems(text: string): string[] {
  const bySemicolon = text.includes(';') ? splitTopLevel(text, ';') : [text];
  const parts = bySemicolon.length > 1 ? bySemicolon : splitTopLevel(text, ',');
  return parts.filter((part) => part.trim() !== '');
}

function isBalancedGroup(inner: string): boolean {
  return walkBrackets(inner, (depth) => depth >= 0, true) === 0;
}

function parseItems(
  parts: string[],
  percent: boolean,
  depth: number,
  flattenPlusMinus = false,
): MathValue[] | undefined {
  if (parts.length > MAX_ITEMS) return undefined;
  const items: MathValue[] = [];
  for (const part of parts) {
    const value = parseAnswer(part, percent, depth + 1);
    if (value === undefined) return undefined;
    // `\{1 \pm \sqrt{5}, -2\}`: the two values of a `\pm` item join the collection.
    if (
      flattenPlusMinus &&
      value.kind === 'set' &&
      /\\[pm]m(?![A-Za-z])|±/.test(part) &&
      !part.trim().startsWith('\\{')
    )
      items.push(...value.items);
    else items.push(value);
  }
  return items;
}

/** `a \pm b` as the set {a + b, a - b}; a leading `\pm b` as {b, -b}. */
function expandPlusMinus(text: string, percent: boolean, depth: number): MathValue | undefined {
  const match = /\\(pm|mp)(?![A-Za-z])|±/.exec(text);
  if (match === null) return undefined;
  // Each sign doubles the values: more than two is not an answer, and must not blow up.
  if ((text.match(/\\(?:pm|mp)(?![A-Za-z])|±/g) ?? []).length > MAX_PLUS_MINUS) return undefined;
  // Inside a collection the items expand themselves: `\{1 \pm \sqrt{5}, -2\}`.
  if (!isBalancedGroup(text.slice(0, match.index)) && wholeGroup(text) !== undefined) return undefined;
  const before = text.slice(0, match.index);
  const after = text.slice(match.index + match[0].length);
  const plus = parseAnswer(`${before}+${after}`, percent, depth + 1);
  const minus = parseAnswer(`${before}-${after}`, percent, depth + 1);
  if (plus === undefined || minus === undefined) return undefined;
  // `1 \pm 2 \pm 3`: the values of the later sign join the set, {6, 0, 2, -4}, not {{6, 0}, {2, -4}}
  // (math_eval's parse_and_verify tests, graders' round 11).
  const laterSign = PLUS_MINUS.test(after);
  const values = (value: MathValue) => (laterSign && value.kind === 'set' ? value.items : [value]);
  return { kind: 'set', items: [...values(plus), ...values(minus)] };
}
const PLUS_MINUS = /\\(?:pm|mp)(?![A-Za-z])|±/;

function intervalPiece(value: MathValue): IntervalPiece | undefined {
  if (value.kind === 'interval' && value.pieces.length === 1) return value.pieces[0];
  if (value.kind === 'tuple' && value.items.length === 2) {
    const [lower, upper] = value.items as [MathValue, MathValue];
    return { lower, upper, lowerClosed: value.open === '[', upperClosed: value.close === ']' };
  }
  return undefined;
}

const WORDS = /^[A-Za-z][A-Za-z '’-]*$/;
const EAST_ASIAN_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const FUNCTION_WORDS = /^(?:sin|cos|tan|cot|sec|csc|log|ln|exp|sqrt|pi)$/i;

/**
 * Lowercase one-letter variables joined by minus signs (`x - x`, `a-b-c`, a negated one: `x - -x`,
 * mathjs's tests): a difference, not words.
 */
const DIFFERENCE_OF_LETTERS = /^-?[a-z](?:\s*-\s*(?:-\s*)?[a-z])+$/;

function isText(text: string): boolean {
  if (!WORDS.test(text) || DIFFERENCE_OF_LETTERS.test(text) || isNamedMath(text)) return false;
  // "No" is a word, not the product N times o.
  if (/^no$/i.test(text)) return true;
  const letters = text.replace(/[^A-Za-z]/g, '');
  return (/\s/.test(text.trim()) || letters.length >= 3) && !FUNCTION_WORDS.test(letters);
}

/**
 * Words that are all one-letter names, function names or Greek letters by name, one of the latter
 * among them: `sin x`, `csc x`, `n alpha`, `log log n` as calculators and sympy print them
 * (graders' round 13 read them as words).
 */
function isNamedMath(text: string): boolean {
  // `m n`: small letters side by side, as sympy's `latex()` writes a product (PrairieLearn's tests).
  if (LETTERS_SIDE_BY_SIDE.test(text)) return true;
  let named = false;
  for (const word of text.split(/[\s'’-]+/)) {
    if (word === '' || word.length === 1) continue;
    if (!NAMED_MATH_WORD.test(word)) return false;
    named = true;
  }
  return named;
}
const LETTERS_SIDE_BY_SIDE = /^[a-z](?:\s+[a-z])+$/;
const NAMED_MATH_WORD =
  /^(?:sin|cos|tan|cot|sec|csc|arcsin|arccos|arctan|arccot|arcsec|arccsc|sinh|cosh|tanh|coth|sech|csch|ln|log|exp|alpha|beta|gamma|delta|epsilon|theta|lambda|mu|sigma|phi|omega|pi|infty|infinity)$/i;

/**
 * Turns a normalized answer into a typed value. Structure is read here (lists, sets, tuples,
 * intervals and unions, relations, matrices, `\pm`); leaves are number literals (exact), words,
 * or symbolic expressions parsed by compute-engine. Undefined when nothing parses.
 */
export function parseAnswer(raw: string, percent: boolean, depth = 0): MathValue | undefined {
  const text = raw.trim();
  if (text === '' || depth > MAX_DEPTH) return undefined;
  if (PLAIN_NUMBER.test(text)) return parseNumberLiteral(text, percent);
  if (/^(?:\\emptyset|\\varnothing|∅|\\\{\s*\\\}|\{\s*\})$/.test(text)) return { kind: 'set', items: [] };

  const repeating = text.includes('\\overline') ? repeatingDecimal(text) : undefined;
  if (repeating !== undefined) return repeating;

  const setBuilder = text.startsWith('\\{') ? SET_BUILDER.exec(text) : null;
  if (setBuilder !== null) {
    const [, variable = '', domain, conditionText = ''] = setBuilder;
    const condition = parseAnswer(conditionText, percent, depth + 1);
    // Over the integers: the set of its elements, or words when it has no small finite enumeration
    // (integer-set-builder.ts), never the real interval of its bounds.
    if (domain !== undefined && isIntegerDomain(domain))
      return integerSetBuilder(variable, domain, condition) ?? { kind: 'text', text };
    // `\{x \mid x > 2\}`: the set of x where the condition holds is the condition, read as an
    // interval by compare (`x > 2` = `(2, \infty)`).
    if (condition?.kind === 'relation' || condition?.kind === 'list') return condition;
  }

  const membership = MEMBERSHIP.exec(text);
  if (membership !== null) {
    const variable = parseAnswer(membership[1] ?? '', percent, depth + 1);
    const set = parseAnswer(text.slice(membership[0].length), percent, depth + 1);
    if (variable === undefined || set === undefined) return undefined;
    return { kind: 'relation', operators: ['in'], sides: [variable, set] };
  }

  const unionParts = splitTopLevel(text, '\\cup');
  if (unionParts.length > 1) {
    // `A \cup B \setminus C` is `(A \cup B) \setminus C` read left to right but `A \cup (B
    // \setminus C)` as WeBWorK reads it: no answer (`A \setminus B \cup C` reads the same both ways).
    if (unionParts.slice(1).some((part) => part.includes('\\setminus'))) return undefined;
    const values = parseItems(unionParts.map(asSetOperand), percent, depth);
    if (values === undefined) return undefined;
    if (values.every((value) => value.kind === 'set')) {
      return { kind: 'set', items: values.flatMap((value) => (value.kind === 'set' ? value.items : [])) };
    }
    const pieces = values.flatMap((value) =>
      value.kind === 'set'
        ? value.items.map((point) => ({ lower: point, upper: point, lowerClosed: true, upperClosed: true }))
        : value.kind === 'relation'
          ? // `x < 1 \cup x > 3`: inequalities joined by a union sign.
            (asInterval(value)?.pieces ?? [undefined])
          : value.kind === 'interval'
            ? value.pieces
            : [intervalPiece(value)],
    );
    if (pieces.some((piece) => piece === undefined)) return undefined;
    return { kind: 'interval', pieces: pieces as IntervalPiece[] };
  }

  const difference = text.includes('\\setminus') ? splitTopLevel(text, '\\setminus') : [];
  if (difference.length === 2) {
    // `A \setminus B \cap C` reads two ways: no answer (a red team of stop 40).
    if (difference.some((part) => part.includes('\\cap'))) return undefined;
    const whole = parseAnswer(asSetOperand(difference[0] ?? ''), percent, depth + 1);
    const removed = parseAnswer(asSetOperand(difference[1] ?? ''), percent, depth + 1);
    if (whole === undefined || removed === undefined) return undefined;
    const interval = whole.kind === 'set' ? undefined : asInterval(whole);
    if (interval !== undefined && removed.kind === 'set') return removePoints(interval, removed.items);
    // `(0,6] \setminus (0,2]`, `\{1,2\} \setminus \{2,3\}` (set-operations.ts): split after the
    // union, `(0,6] - (0,2] U (3,4)` is `(2,6]` as WeBWorK reads it (a red team of stop 40).
    return differenceOf(whole, removed, asInterval);
  }

  // `(1,5] \cap [2,7)`, `\{1,2\} \cap \{2,3\}`: binds tighter than the union (split first, above).
  const intersectionParts = text.includes('\\cap') ? splitTopLevel(text, '\\cap') : [];
  if (intersectionParts.length > 1) {
    const values = parseItems(intersectionParts.map(asSetOperand), percent, depth);
    return values === undefined ? undefined : intersectionOf(values, asInterval);
  }

  const listParts = splitItems(text);
  if (listParts.length > 1) {
    const items = parseItems(listParts, percent, depth, true);
    return items === undefined ? undefined : { kind: 'list', items };
  }

  const { sides, operators } = splitRelations(text);
  if (operators.length > 0) {
    if (sides.some((side) => side.trim() === '')) return undefined;
    const values = parseItems(sides, percent, depth);
    return values === undefined ? undefined : { kind: 'relation', operators, sides: values };
  }

  // `7:32` is a ratio; a clock time (`12:00`, `3:45:10`) stays words.
  const ratioParts = text.includes(':') && !CLOCK_TIME.test(text) ? splitTopLevel(text, ':') : [];
  if (
    ratioParts.length > 1 &&
    ratioParts.length <= MAX_ITEMS &&
    ratioParts.every((part) => part.trim() !== '')
  ) {
    const items = parseItems(ratioParts, percent, depth);
    return items === undefined ? undefined : { kind: 'ratio', items };
  }

  const plusMinus = expandPlusMinus(text, percent, depth);
  if (plusMinus !== undefined) return plusMinus;

  const matrix = parseMatrixExpression(text, (cell) => parseAnswer(cell, percent, depth + 1));
  if (matrix !== undefined) return matrix;

  const braced = bareBraces(text);
  if (braced !== undefined) {
    const parts = splitTopLevel(braced, ',').filter((part) => part.trim() !== '');
    if (parts.length === 1) return parseAnswer(braced, percent, depth + 1);
    const items = parseItems(parts, percent, depth, true);
    return items === undefined ? undefined : { kind: 'set', items };
  }

  const group = wholeGroup(text);
  if (group !== undefined) {
    const parts = splitItems(group.inner);
    if (group.open === '\\{') {
      const items = parseItems(parts, percent, depth, true);
      return items === undefined ? undefined : { kind: 'set', items };
    }
    if (parts.length === 1 && group.open !== '\\langle') return parseAnswer(group.inner, percent, depth + 1);
    const items = parseItems(parts, percent, depth);
    if (items === undefined) return undefined;
    if (
      items.length === 2 &&
      group.open !== '\\langle' &&
      group.open !== group.close.replace(')', '(').replace(']', '[')
    ) {
      const [lower, upper] = items as [MathValue, MathValue];
      return {
        kind: 'interval',
        pieces: [{ lower, upper, lowerClosed: group.open === '[', upperClosed: group.close === ']' }],
      };
    }
    return { kind: 'tuple', items, open: group.open, close: group.close };
  }

  if (isText(text) || CLOCK_TIME.test(text)) return { kind: 'text', text };
  const number = parseNumberLiteral(text, percent);
  if (number !== undefined) return number;
  // `每人 \frac{3}{7} 块` ("3/7 of a piece each"): Chinese, Japanese or Korean words are prose, never
  // symbols of a product.
  if (beyondAscii(text) && EAST_ASIAN_LETTER.test(text)) return { kind: 'text', text };
  const json = parseLatex(text);
  if (json === undefined) return { kind: 'text', text };
  if (typeof json === 'string' && json.startsWith("'")) return { kind: 'text', text: json.slice(1, -1) };
  return { kind: 'expression', json, text };
}
