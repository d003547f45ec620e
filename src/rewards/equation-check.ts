import { checkLatexFormula, splitFormulas } from './latex-equation.js';
import { testedNotClaimed } from './step-check-claims.js';
import { judgeDivisionWithRemainder } from './step-check-division.js';
import { checkChain, checkSentence } from './step-check-prose.js';
import { checkClaimedValues } from './step-check-substitution.js';

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
/** A list marker at the start of a line (`- 8^2 = 64`), not a minus sign. */
const LIST_MARKER = /^\s*[-–•*]\s+/;
/** Lines longer than this are not scanned (the scan is quadratic in the worst case). */
const MAX_LINE_CHARS = 4000;

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
  verdicts.push(...checkClaimedValues(withoutAnnotations, formulas));
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
