/**
 * Candidate rules measured to raise `step_check`'s recall on PRMBench's error steps, and not kept
 * (see prmbench-recall.ts, which runs them, and docs/eval-prmbench-step-check.md, which reports
 * them). Each reads one step with what came before it (the question and the earlier steps) and
 * returns the text of what it would flag, or undefined. They live in bench/, not in src/: none
 * put 95% of its flags on error steps, the gate a rule must pass to enter the checker.
 */
import { checkEquations, type EquationVerdict } from '../../src/rewards/equation-check.js';
import { checkLatexFormula, splitFormulas, splitRelations } from '../../src/rewards/latex-equation.js';
import { testedNotClaimed } from '../../src/rewards/step-check-claims.js';
import { readSymbolic, valueAt } from '../../src/rewards/step-check-substitution.js';

/** One step to judge, with the text the writer had before it. */
export interface StepInContext {
  question: string;
  steps: readonly string[];
  index: number;
  /** checkEquations' verdicts for this step (computed once by the runner). */
  verdicts: readonly EquationVerdict[];
}

export interface CandidateRule {
  name: string;
  /** What the rule would flag in this step, or undefined. */
  flag(step: StepInContext): string | undefined;
}

/** Words that make a value one of several, a trial, a case or a new part of the problem. */
const CASES =
  /\b(?:if|when|case|cases|suppose|assume|either|or|let|try|trying|test|testing|plug\w*|check\w*|guess|could|might|would|maybe|perhaps|instead|another|other|alternatively|otherwise|new|now|again|next|example|say|whether|substitut\w*)\b/i;

/** `12`, `-0.5`, `\frac{3}{4}`, `-\dfrac{3}{4}` as a number. */
const VALUE = String.raw`(-?\d+(?:\.\d+)?|-?\\[dt]?frac\{-?\d+\}\{\d+\})`;

function numberOf(text: string): number | undefined {
  const fraction = /^(-?)\\[dt]?frac\{(-?\d+)\}\{(\d+)\}$/.exec(text);
  if (fraction !== null) {
    const value = Number(fraction[2]) / Number(fraction[3]);
    return fraction[1] === '-' ? -value : value;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
/** Equal, or one a rounding of the other (`0.56` for 5/9): not a contradiction. */
const agree = (a: number, b: number) =>
  same(a, b) ||
  ((!Number.isInteger(a) || !Number.isInteger(b)) &&
    Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b)));

/** `$p = 0.29$`, `x = -3.` : a lone name given a number (no operator, bracket or name before it). */
const NAME_CLAIM = new RegExp(
  String.raw`(?<![\w\\{^_(|+\-*/=<>]\s*)(?<![\w\\])([a-zA-Z](?:_\{?\w{1,3}\}?)?)\s*=\s*${VALUE}(?![\d.]*(?:\.\.\.|\\[lc]?dots|\\overline))(?=\s*(?:\$|\.|,|;|\)|\s+(?:and|so|which|is|cents)\b|$))`,
  'g',
);

function nameClaims(step: string): Map<string, number> {
  const found = new Map<string, number[]>();
  for (const match of step.matchAll(NAME_CLAIM)) {
    const value = numberOf(match[2] as string);
    if (value !== undefined) found.set(match[1] as string, [...(found.get(match[1] as string) ?? []), value]);
  }
  const single = new Map<string, number>();
  for (const [name, values] of found)
    if (values.every((value) => same(value, values[0] as number))) single.set(name, values[0] as number);
  return single;
}

/** `the sum is 25`, `the area of the triangle is 12`: a named quantity given a number in words. */
const QUANTITY_CLAIM =
  /\bthe ((?:[a-z]+ ){0,2}(?:area|perimeter|volume|sum|product|length|width|height|radius|diameter|cost|price|total|number|value|distance|speed|time|probability|mean|average|median|difference|remainder|slope|degree|circumference|hypotenuse|side|base|answer))(?: of (?:the )?([a-z]+(?: [a-z]+)?))? (?:is|equals|was|=)\s*\$?(-?\d+(?:\.\d+)?)(?![\d.]*\s*[a-zA-Z\\^/*+\-(])/gi;

function quantityClaims(step: string): Map<string, number> {
  const found = new Map<string, number[]>();
  for (const match of step.matchAll(QUANTITY_CLAIM)) {
    const key = `${(match[1] as string).toLowerCase()}|${(match[2] ?? '').toLowerCase()}`;
    found.set(key, [...(found.get(key) ?? []), Number(match[3])]);
  }
  const single = new Map<string, number>();
  for (const [key, values] of found)
    if (values.every((value) => same(value, values[0] as number))) single.set(key, values[0] as number);
  return single;
}

/**
 * A value restated differently: the step claims `name = v` (or `the sum is v`) without case or trial
 * words, and an earlier step's last claim for the same name was another value.
 */
function restatedRule(name: string, claims: (step: string) => Map<string, number>): CandidateRule {
  return {
    name,
    flag({ steps, index }) {
      const step = steps[index] as string;
      if (CASES.test(step)) return undefined;
      const earlier = new Map<string, number>();
      for (const previous of steps.slice(0, index)) {
        const cased = CASES.test(previous);
        for (const [key, value] of claims(previous)) if (!cased || !earlier.has(key)) earlier.set(key, value);
      }
      for (const [key, value] of claims(step)) {
        const before = earlier.get(key);
        if (before !== undefined && !agree(before, value))
          return `${key.replace(/\|$/, '')} = ${value}, earlier ${before}`;
      }
      return undefined;
    },
  };
}

/** Numbers of a text, thousands separators removed, with number words up to twelve. */
const NUMBER = /(?<![\w.^_{])\d+(?:,\d{3})*(?:\.\d+)?/g;
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  half: 0.5,
};

function numbersIn(text: string): Set<number> {
  const found = new Set<number>();
  for (const match of text.matchAll(NUMBER)) found.add(Number(match[0].replace(/,/g, '')));
  for (const [word, value] of Object.entries(NUMBER_WORDS))
    if (new RegExp(`\\b${word}\\b`, 'i').test(text)) found.add(value);
  return found;
}

/** `the problem states`, `we are given`, `it is given that` (not `is given by`, a formula). */
const QUOTES =
  /\b(?:the (?:problem|question) (?:states|says|tells us|gives|mentions)|we are (?:given|told)|(?:it is|it's|is) given(?! by)(?: that)?|according to the (?:problem|question))\b/i;

/** A number quoted from the question (`the problem states ...`) that the question does not hold. */
const misquotedGiven: CandidateRule = {
  name: 'a number quoted from the question that the question does not hold',
  flag({ question, steps, index }) {
    const given = numbersIn(question);
    for (const sentence of (steps[index] as string).split(/(?<=[.!?])\s+|\n/)) {
      const quote = QUOTES.exec(sentence);
      if (quote === null) continue;
      const after = sentence.slice(quote.index + quote[0].length);
      // A derivation after the quote is the writer's, not the question's.
      if (/\b(?:so|then|which means|therefore|thus|hence)\b|=|\\frac|\+|\\times|\\cdot/.test(after)) continue;
      const foreign = [...numbersIn(after)].filter(
        (value) => !given.has(value) && !given.has(value * 100) && !given.has(value / 100),
      );
      if (foreign.length > 0) return `quotes ${foreign.join(', ')}: ${after.trim().slice(0, 80)}`;
    }
    return undefined;
  },
};

/** Small and everyday numbers a writer brings in without a source (unit factors, angles). */
const EVERYDAY = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16, 20, 24, 25, 30, 45, 50, 60, 90, 100]);
for (const value of [180, 360, 365, 1000]) EVERYDAY.add(value);

/**
 * A computation chain across steps: an operand of a true equation of the step that appears nowhere
 * before it (not in the question, an earlier step, or earlier in the same step) stands for a
 * carried result that changed on the way (`= 42` in one step, `40 + 8 = 48` in the next).
 */
const unsourcedOperand: CandidateRule = {
  name: 'an operand of a true equation with no source in the question or earlier steps',
  flag({ question, steps, index, verdicts }) {
    const step = steps[index] as string;
    const seen = numbersIn([question, ...steps.slice(0, index)].join('\n'));
    for (const verdict of verdicts) {
      if (verdict.verdict !== 'correct') continue;
      const left = verdict.text.split('=')[0] as string;
      const at = step.indexOf(left.trim().slice(0, 20));
      const local = numbersIn(at >= 0 ? step.slice(0, at) : '');
      for (const match of left.matchAll(NUMBER)) {
        const value = Number(match[0].replace(/,/g, ''));
        if (!EVERYDAY.has(value) && !seen.has(value) && !local.has(value))
          return `${value} in ${verdict.text}`;
      }
    }
    return undefined;
  },
};

/** The numbers at which an identity in a few variables is tested. */
const TEST_POINTS = [0.7310585786, 1.6180339887, Math.E, -Math.SQRT2];
/** A function application (`f(x)`, `f^{-1}(3)`) or a binomial written `8C2`: not a product. */
const APPLICATION = /(?<![A-Za-z\\])[A-Za-z](?:\^\{?-1\}?)?\s*\(|\d\s*[A-Z]\s*\d/;
const LETTER_DIGITS = /^\s*(?:\\overline\{\s*)?[A-Za-z]{2,4}\s*\}?\s*[.,]?\s*$/;

/** Both sides in the same variables and different functions of them (tested at 4 points). */
function identityFails(leftText: string, rightText: string): boolean {
  if ([leftText, rightText].some((side) => LETTER_DIGITS.test(side) || APPLICATION.test(side))) return false;
  const left = readSymbolic(leftText);
  const right = readSymbolic(rightText);
  if (left === undefined || right === undefined || left.bare || right.bare) return false;
  const variables = [...new Set([...left.variables, ...right.variables])];
  if (left.variables.length === 0 || right.variables.length === 0) return false;
  if (left.variables.length !== variables.length || right.variables.length !== variables.length) return false;
  let evaluated = 0;
  for (let point = 0; point < TEST_POINTS.length; point++) {
    const at = new Map(
      variables.map((name, k) => [name, (TEST_POINTS[(point + k) % TEST_POINTS.length] as number) + 0.1 * k]),
    );
    const a = valueAt(left, at);
    const b = valueAt(right, at);
    if (a === undefined || b === undefined) continue;
    evaluated++;
    if (Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b))) return false;
  }
  return evaluated >= 2;
}

/** Identities in variables: each link of a LaTeX chain with at least `minSides` sides. */
function identityRule(name: string, minSides: number): CandidateRule {
  return {
    name,
    flag({ steps, index }) {
      const step = steps[index] as string;
      if (CASES.test(step)) return undefined;
      for (const formula of splitFormulas(step).formulas) {
        const cleaned = formula.replace(/\\(?:left|right|displaystyle|[;:! ])/g, ' ').replace(/&/g, ' ');
        const { sides, relations } = splitRelations(cleaned);
        if (sides.length < minSides || relations.some((relation) => relation !== 'equals')) continue;
        for (let link = 0; link < relations.length; link++) {
          const left = sides[link] as string;
          const right = sides[link + 1] as string;
          if (identityFails(left, right)) return `${left.trim()} = ${right.trim()}`;
        }
      }
      return undefined;
    },
  };
}

/** `$20-6$ is $16$`, `$\\sqrt{12}$ equals $4$`: an expression and its value in two formulas. */
const FORMULA = String.raw`(?:\$((?:[^$\\]|\\[\s\S])+?)\$|\\\(([\s\S]+?)\\\))`;
const LINKED = new RegExp(
  `${FORMULA}\\s*,?\\s*(?:which is|which equals|which gives|which simplifies to|that is|i\\.e\\.,?|(?<=,\\s*)or|equals|is equal to|is|gives(?: us)?|giving|to get|we get|yields|simplifies to)\\s+${FORMULA}`,
  'g',
);
const OPERATION = /[-+*/^!]|\\(?:cdot|times|div|frac|dfrac|tfrac|sqrt|binom)/;
/** `the units digit of $18^2$ is $4$`, `the coefficient of $5^3$ is $4$`: a property, not the value. */
const PROPERTY_BEFORE =
  /\b(?:of|by|than|to|from|and|when|either|values?|digits?|coefficients?|remainders?|powers?|angles?)\s*$/i;

const linkedFormulas: CandidateRule = {
  name: 'an expression and its value in two formulas joined by words (`$20-6$ is $16$`)',
  flag({ steps, index }) {
    const text = (steps[index] as string).replace(/\\\$/g, ' ');
    if (testedNotClaimed(text)) return undefined;
    for (const match of text.matchAll(LINKED)) {
      const expression = (match[1] ?? match[2] ?? '').trim();
      const value = (match[3] ?? match[4] ?? '').trim();
      if (splitRelations(expression).relations.length > 0 || splitRelations(value).relations.length > 0)
        continue;
      if (!OPERATION.test(expression.replace(/^-/, ''))) continue;
      if (OPERATION.test(value.replace(/^-/, '').replace(/\\[dt]?frac/, ''))) continue;
      const start = match.index ?? 0;
      if (PROPERTY_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue;
      if (/^\s*(?:not|and|\\)/.test(text.slice(start + match[0].length, start + match[0].length + 12)))
        continue;
      if (checkLatexFormula(`${expression} = ${value}`, true).some((verdict) => verdict.verdict === 'wrong'))
        return `${expression} = ${value}`;
    }
    return undefined;
  },
};

/** A number in prose (`1,250`, `-3.5`), not glued to a word, an exponent or an operator. */
const PROSE_NUMBER = String.raw`(-?\d+(?:,\d{3})*(?:\.\d+)?)`;
/** The result is the whole number: no unit, variable, operator or remainder after it. */
const RESULT_ENDS = String.raw`(?![\d.]*\s*[a-zA-Z\\^/*+\-(_])`;
const OPERAND_STARTS = String.raw`(?<![\w.^/*+\-])`;
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const isWhole = (value: number) => Number.isInteger(value);

/** Arithmetic said in words, with the relation that must hold between its numbers. */
const WORD_ARITHMETIC: [RegExp, (...values: number[]) => boolean][] = [
  [
    new RegExp(
      `remainder (?:when|of) ${PROSE_NUMBER} (?:is )?divided by ${PROSE_NUMBER},? (?:is|=|equals|will be) ${PROSE_NUMBER}${RESULT_ENDS}`,
      'i',
    ),
    (a, b, r) => !isWhole(a) || !isWhole(b) || b === 0 || a % b === r,
  ],
  [
    new RegExp(`\\bthe sum of ${PROSE_NUMBER} and ${PROSE_NUMBER} is ${PROSE_NUMBER}${RESULT_ENDS}`, 'i'),
    (a, b, c) => close(a + b, c),
  ],
  [
    new RegExp(`\\bthe product of ${PROSE_NUMBER} and ${PROSE_NUMBER} is ${PROSE_NUMBER}${RESULT_ENDS}`, 'i'),
    (a, b, c) => close(a * b, c),
  ],
  [
    new RegExp(
      `${OPERAND_STARTS}${PROSE_NUMBER} (?:times|multiplied by) ${PROSE_NUMBER} (?:is|equals|gives) ${PROSE_NUMBER}${RESULT_ENDS}`,
      'i',
    ),
    (a, b, c) => close(a * b, c),
  ],
  [
    new RegExp(
      `${OPERAND_STARTS}${PROSE_NUMBER} (?:plus|added to) ${PROSE_NUMBER} (?:is|equals|gives) ${PROSE_NUMBER}${RESULT_ENDS}`,
      'i',
    ),
    (a, b, c) => close(a + b, c),
  ],
  [
    new RegExp(
      `${OPERAND_STARTS}${PROSE_NUMBER} minus ${PROSE_NUMBER} (?:is|equals|gives) ${PROSE_NUMBER}${RESULT_ENDS}`,
      'i',
    ),
    (a, b, c) => close(a - b, c),
  ],
  [
    new RegExp(
      `${OPERAND_STARTS}${PROSE_NUMBER} divided by ${PROSE_NUMBER} (?:is|equals|gives) ${PROSE_NUMBER}${RESULT_ENDS}`,
      'i',
    ),
    (a, b, c) => b === 0 || close(a / b, c),
  ],
  [
    new RegExp(`\\bthe square root of ${PROSE_NUMBER} is ${PROSE_NUMBER}${RESULT_ENDS}`, 'i'),
    (a, c) => a < 0 || close(Math.sqrt(a), c),
  ],
  [
    new RegExp(`${OPERAND_STARTS}${PROSE_NUMBER} is divisible by ${PROSE_NUMBER}(?![\\d.])`, 'i'),
    (a, b) => !isWhole(a) || !isWhole(b) || b === 0 || a % b === 0,
  ],
  [
    new RegExp(
      `${OPERAND_STARTS}${PROSE_NUMBER}(?:%| percent) of ${PROSE_NUMBER} is ${PROSE_NUMBER}${RESULT_ENDS}`,
      'i',
    ),
    (p, a, c) => close((p * a) / 100, c),
  ],
];

/** `54 divided by 6 is 9`, `the remainder when 111 is divided by 5 is 1`: prose arithmetic, checked. */
const wordArithmetic: CandidateRule = {
  name: 'arithmetic said in words (`the remainder when 111 is divided by 5 is 1`, `42 divided by 8 is 5`)',
  flag({ steps, index }) {
    const text = (steps[index] as string)
      .replace(/\\\$/g, ' ')
      .replace(/\$([^$]*)\$/g, '$1')
      .replace(/\\[()]/g, ' ')
      .replace(/\\(?:text|mathrm)\{([^}]*)\}/g, '$1')
      .replace(/_\{?10\}?/g, '');
    for (const [pattern, holds] of WORD_ARITHMETIC) {
      const match = pattern.exec(text);
      if (match === null) continue;
      // A question or a test (`check if 14 is divisible by 3`) is not a claim.
      if (/\b(?:if|not|whether|check)\b[^.]*$/i.test(text.slice(Math.max(0, match.index - 25), match.index)))
        continue;
      const values = match.slice(1).map((value) => Number((value as string).replace(/,/g, '')));
      if (!holds(...values)) return match[0];
    }
    return undefined;
  },
};

export const CANDIDATE_RULES: readonly CandidateRule[] = [
  restatedRule('a named unknown restated with another value (`$p = 0.29$`, later `$p = 0.30$`)', nameClaims),
  restatedRule(
    'a named quantity restated with another value (`the sum is 44`, later `the sum is 25`)',
    quantityClaims,
  ),
  misquotedGiven,
  unsourcedOperand,
  identityRule(
    'an identity in variables, each link of a chain of 3 or more sides (`(a+b)^2 = ... = ...`)',
    3,
  ),
  identityRule('an identity in variables, any equation whose two sides share their variables', 2),
  linkedFormulas,
  wordArithmetic,
];

/** Decimal literals of a side (`4.472`), up to 4 of them. */
const DECIMAL = /(?<![\d.])\d+\.(\d+)(?![\d.])/g;

/** The range of a constant side when each decimal literal stands for anything that rounds to it. */
function roundedRange(side: string): [number, number] | undefined {
  const literals = [...side.matchAll(DECIMAL)];
  if (literals.length === 0 || literals.length > 4) return undefined;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let corner = 0; corner < 1 << literals.length; corner++) {
    let k = 0;
    const moved = side.replace(DECIMAL, (literal, places: string) => {
      const half = 0.5 * 10 ** -places.length;
      const sign = (corner >> k++) & 1 ? 1 : -1;
      return (Number(literal) + sign * half).toFixed(places.length + 2);
    });
    const read = readSymbolic(moved);
    if (read === undefined || read.variables.length > 0) return undefined;
    const value = valueAt(read, new Map());
    if (value === undefined) return undefined;
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  return [low, high];
}

/**
 * The rounding-interval reading (a candidate to remove flags, not add them): a wrong `L = R` whose
 * left side holds decimal literals is accepted when R lies in the range L takes as each literal
 * moves within half a unit of its last place (`4.472^2 = 20.000784`, 4.472 being √20 rounded).
 * Returns the flags it would drop.
 */
export function droppedByRoundingIntervals(step: string): string[] {
  return checkEquations(step, true)
    .filter((verdict) => verdict.verdict === 'wrong')
    .filter((verdict) => {
      const { sides, relations } = splitRelations(verdict.text);
      if (relations.length !== 1) return false;
      const right = readSymbolic((sides[1] as string).replace(/[.\s]+$/, ''));
      if (right === undefined || right.variables.length > 0) return false;
      const value = valueAt(right, new Map());
      const range = roundedRange(sides[0] as string);
      return value !== undefined && range !== undefined && value >= range[0] && value <= range[1];
    })
    .map((verdict) => verdict.text);
}
