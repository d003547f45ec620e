import { equal, evaluateExact, literalDecimals, type Rational, roundsTo } from './exact-arithmetic.js';
import { checkLatexFormula, splitFormulas } from './latex-equation.js';
import { judgeDivisionWithRemainder } from './step-check-division.js';

export interface EquationVerdict {
  /** The equation as found in the text. */
  text: string;
  /**
   * `unparseable`: looks like arithmetic but does not read; `not_checkable`: a side is not a
   * constant (a variable, a function, text), so there is nothing exact to check.
   */
  verdict: 'correct' | 'wrong' | 'unparseable' | 'not_checkable';
  reason?: string;
}

/** GSM8K calculator annotations: <<16-3-4=9>>. */
const ANNOTATION = /<<([^<>]*?)>>/g;
/** A chain of at least two arithmetic sides joined by '=': `16 - 3 - 4 = 9`, `a = b = c`. */
const SIDE = String.raw`[-−–(]*[ \t]*[$€£]?[ \t]*(?:\d|\.\d)[\d \t.,+\-−–*/×÷^()%$€£·]*`;
const CHAIN = new RegExp(String.raw`${SIDE}(?:=[ \t]*${SIDE})+`, 'g');
/** `10 x 1.2`, `$12 x 5`: a lone x between numbers is a multiplication sign. */
const TIMES_X = /([\d%)])([ \t]*)[xX]([ \t]*)(?=[$€£]?[\d(.])/g;
/**
 * Text before a chain that shows its left side goes on: an operator (also one the problem defines:
 * `4@7 = 14`, `11 # 5 = 61`, a ratio `2:5 = 4:10`, a root `2√2 = ...`), a letter, superscript or
 * formula glued to it (`f⁻¹(6) = 2`), a LaTeX command, or an operator word (`1 mod 4 = 1`,
 * `6 choose 5 = 6`).
 */
const CONTINUES_LEFT =
  /(?:[*/×÷+\-−–^(=]\s*(?:[A-Za-z'’]+\s+){0,3}|[@#§:√∛∜⊕⊗⋆☆♦♣♠♥△□○∗∘]\s*|[A-Za-z_}\]^!|⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]|\\[A-Za-z]+\s*|(?:^|\s)[xX]\s*|\b(?:mod|modulo|choose|times|plus|minus|over|divided by|multiplied by|to the power of|power of)\s+)$/i;
/**
 * Text before a chain that opens with `(`: a name before it applies or multiplies it: glued
 * (`f(6)`), subscripted (`c_v (4) = 1.60`) or a one-letter name (`x (3)`; not the words a, A, I).
 */
const NAME_BEFORE_PARENTHESIS = /(?:[A-Za-z_]\w*|[A-Za-z]\w*_\w+\s+|(?:^|[^\w])[B-HJ-Zb-z]\s+)$/;
/**
 * Text after a chain that shows its last side goes on: a unit followed by an operator (`240g/5`),
 * a parenthesis, a letter glued to the number (`= 40x`), a factorial, a LaTeX command
 * (`= 2 \\times 5`), or a function applied (`= 14 sin(θ)`).
 */
const CONTINUES_RIGHT = /^(?:[A-Za-z]+\s*[*/×÷^+\-−–]\s*[$€£]?[\d(.]|\(|\s*\\[A-Za-z]|\s*[A-Za-z]+\s*\()/;
/** Text right after a chain (no space between) that glues a name or a factorial to its last number. */
const GLUED_RIGHT = /^[A-Za-z_!√∛∜π°′″@#§:]/;
/** A list marker at the start of a line (`- 8^2 = 64`), not a minus sign. */
const LIST_MARKER = /^\s*[-–•*]\s+/;
/** Lines longer than this are not scanned (the scan is quadratic in the worst case). */
const MAX_LINE_CHARS = 4000;

/**
 * The step says an equation fails (`which is false`, `$30025=13689$? I don't think so!`): a
 * candidate rejected or asked about, not a claim. ("which is incorrect" is not taken as a
 * rejection: PRMBench's injected errors say it of the wrong claim they make.)
 */
const REJECTS =
  /\$\s*\?|\bI don'?t think so\b|\b(?:not true|(?:is|are|was|which is) false|not (?:a |an )?(?:valid )?solution|extraneous|(?:doesn'?t|does not|do not|don'?t) (?:work|hold|satisfy|check out)|contradiction|impossible)\b|\\neq|≠/i;
/**
 * The step plugs a candidate in to test it, or writes an equation with values substituted
 * (`the equation $a+a=d+d+d$ becomes 5 + 5 = 3 + 3 + 3`).
 */
const TESTS =
  /\b(?:plug(?:s|ged|ging)?|substitut\w*|test(?:s|ing)?|try(?:ing)?)\b|\b(?:equation|equality)\b[^.]*\bbecomes\b/i;
/** ... and says the test passed: then its equations are claims again. */
const AFFIRMS = /\b(?:is true|holds|works|is valid|satisf(?:y|ies)|checks out)\b/i;
/** A question the step asks (`check if x = 1/2 satisfies ...`): what follows is not an affirmation. */
const QUESTION = /\b(?:if|whether)\b[^.;:]*/gi;

/**
 * An equation a step writes only to reject it (`Plugging in $1$ we get $1=\sqrt{9}+4$`, `... which
 * is false, so x = -1 is extraneous`) is a candidate under test, not a claim: a false one is
 * `not_checkable`. A step that plugs in a candidate and says it works still asserts its equations;
 * "check if it satisfies" asks, it does not say.
 */
function testedNotClaimed(step: string): boolean {
  return REJECTS.test(step) || (TESTS.test(step) && !AFFIRMS.test(step.replace(QUESTION, ' ')));
}

/** `3 1/2` is three and a half: a mixed number becomes (3 + 1/2) before white space goes. */
const MIXED_NUMBER = /(\d+)[ \t]+(\d+)[ \t]*\/[ \t]*(\d+)/g;

/** Values a side may stand for: its value, and, when it ends in %, the bare number too (`x 100 = 4%`). */
function readings(side: string): Rational[] {
  const value = evaluateExact(side.replace(MIXED_NUMBER, '($1+$2/$3)'));
  const bare = side.trimEnd();
  return bare.endsWith('%')
    ? [value, evaluateExact(bare.slice(0, -1).replace(MIXED_NUMBER, '($1+$2/$3)'))]
    : [value];
}

function checkChain(text: string, allowRounding: boolean): EquationVerdict {
  const sides = text.split('=').map((side) => side.trim().replace(/[.,]$/, ''));
  try {
    const values = sides.map((side) => readings(side));
    for (let index = 1; index < values.length; index++) {
      const lefts = values[index - 1]!;
      const rights = values[index]!;
      if (lefts.some((left) => rights.some((right) => equal(left, right)))) continue;
      const left = lefts[0]!;
      const right = rights[0]!;
      const decimals = literalDecimals(sides[index] as string);
      if (allowRounding && decimals !== undefined && roundsTo(left, right, decimals)) continue;
      return { text, verdict: 'wrong', reason: `'${sides[index - 1]}' is not equal to '${sides[index]}'` };
    }
    return { text, verdict: 'correct' };
  } catch (error) {
    return { text, verdict: 'unparseable', reason: (error as Error).message };
  }
}

/**
 * Finds and checks every equation of a step, exactly: GSM8K annotations `<<expr=result>>`, LaTeX
 * formulas (`$...$`, `$$...$$`, `\(...\)`, `\[...\]`: each side read whole by the math module,
 * see checkLatexFormula) and plain chains in the prose around them (`16 - 3 - 4 = 9`,
 * `2 * 3 = 6 = 12 / 2`). With `allowRounding`, a right side that is a decimal literal with d places
 * may be the left side rounded to d places (10/3 = 3.33).
 * Prose that looks like an equation but does not parse (`3. 4 + 4 = 8`) is `unparseable`, not wrong.
 * A lone `x` between numbers is a multiplication sign (`10 x 1.2`). A prose chain whose left side
 * continues into words, operators or LaTeX (`200 GB * 40% = 80`, `x+x+30=110`, `f^{-1}(6) = -3`)
 * or whose last side does (`= 240g/5`) is only a fragment of an equation: `unparseable`, never
 * `wrong`. Prose equations do not span lines; a line longer than 4000 characters is unparseable.
 */
export function checkEquations(step: string, allowRounding: boolean): EquationVerdict[] {
  const verdicts: EquationVerdict[] = [];
  const withoutAnnotations = step.replace(ANNOTATION, (_match, inner: string) => {
    if (inner.includes('=')) verdicts.push(checkChain(inner, allowRounding));
    return ' ';
  });
  const annotations = verdicts.length;
  const { formulas, prose } = splitFormulas(withoutAnnotations);
  for (const formula of formulas) {
    if (formula.length > MAX_LINE_CHARS) {
      verdicts.push({
        text: `${formula.slice(0, 40)}...`,
        verdict: 'unparseable',
        reason: 'formula too long',
      });
    } else verdicts.push(...checkLatexFormula(formula, allowRounding));
  }
  for (const line of prose.split('\n')) {
    if (!line.includes('=')) continue;
    if (line.length > MAX_LINE_CHARS) {
      verdicts.push({
        text: `${line.slice(0, 40)}...`,
        verdict: 'unparseable',
        reason: 'line too long to scan',
      });
      continue;
    }
    for (const sentence of line.replace(LIST_MARKER, ' ').split(/(?<=[.!?;:])\s+/))
      verdicts.push(...checkSentence(sentence, allowRounding));
  }
  const judged = judgeDivisionWithRemainder(step, verdicts);
  if (judged.slice(annotations).some((verdict) => verdict.verdict === 'wrong') && testedNotClaimed(step)) {
    return judged.map((verdict, index) =>
      index >= annotations && verdict.verdict === 'wrong'
        ? {
            ...verdict,
            verdict: 'not_checkable',
            reason: `${verdict.reason}, but the step tests it, not claims it`,
          }
        : verdict,
    );
  }
  return judged;
}

/** Checks the equation chains of one sentence (a line is split at sentence ends first). */
function checkSentence(sentence: string, allowRounding: boolean): EquationVerdict[] {
  const verdicts: EquationVerdict[] = [];
  const normalized = sentence.replace(TIMES_X, '$1$2*$3');
  for (const match of normalized.matchAll(CHAIN)) {
    const text = match[0].trim();
    if (!text.split('=').every((side) => side.trim() !== '')) continue;
    const end = (match.index ?? 0) + match[0].length;
    const before = normalized.slice(0, end - match[0].trimStart().length);
    const after = normalized.slice(end);
    const binaryMinus = /^[-−–]/.test(text) && /[A-Za-z0-9|)\]}]$/.test(before.trimEnd());
    const glued =
      (/\)$/.test(match[0]) && /^[A-Za-z]/.test(after)) || (!/\s$/.test(match[0]) && GLUED_RIGHT.test(after));
    const applied = text.startsWith('(') && NAME_BEFORE_PARENTHESIS.test(before);
    if (CONTINUES_LEFT.test(before) || CONTINUES_RIGHT.test(after) || binaryMinus || glued || applied) {
      verdicts.push({
        text,
        verdict: 'unparseable',
        reason: 'the expression goes on past the numbers (units or variables)',
      });
    } else {
      verdicts.push(checkChain(text, allowRounding));
    }
  }
  return verdicts;
}
