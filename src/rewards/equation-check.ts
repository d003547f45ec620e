import { equal, evaluateExact, literalDecimals, roundsTo } from './exact-arithmetic.js';

export interface EquationVerdict {
  /** The equation as found in the text. */
  text: string;
  verdict: 'correct' | 'wrong' | 'unparseable';
  reason?: string;
}

/** GSM8K calculator annotations: <<16-3-4=9>>. */
const ANNOTATION = /<<([^<>]*?)>>/g;
/** A chain of at least two arithmetic sides joined by '=': `16 - 3 - 4 = 9`, `a = b = c`. */
const SIDE = String.raw`[-−+(]*\s*[$€£]?\s*(?:\d|\.\d)[\d\s.,+\-−*/×÷^()%$€£·]*`;
const CHAIN = new RegExp(String.raw`${SIDE}(?:=\s*${SIDE})+`, 'g');

function checkChain(text: string, allowRounding: boolean): EquationVerdict {
  const sides = text.split('=').map((side) => side.trim().replace(/[.,]$/, ''));
  try {
    const values = sides.map((side) => evaluateExact(side));
    for (let index = 1; index < values.length; index++) {
      const left = values[index - 1]!;
      const right = values[index]!;
      if (equal(left, right)) continue;
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
 * Finds and checks every equation of a step, exactly: GSM8K annotations `<<expr=result>>` and
 * plain chains `16 - 3 - 4 = 9` or `2 * 3 = 6 = 12 / 2`. With `allowRounding`, a right side that
 * is a decimal literal with d places may be the left side rounded to d places (10/3 = 3.33).
 * Text that looks like an equation but does not parse (`3. 4 + 4 = 8`) is `unparseable`, not wrong.
 */
export function checkEquations(step: string, allowRounding: boolean): EquationVerdict[] {
  const verdicts: EquationVerdict[] = [];
  const withoutAnnotations = step.replace(ANNOTATION, (_match, inner: string) => {
    if (inner.includes('=')) verdicts.push(checkChain(inner, allowRounding));
    return ' ';
  });
  for (const match of withoutAnnotations.matchAll(CHAIN)) {
    const text = match[0].trim();
    if (text.split('=').every((side) => side.trim() !== '')) verdicts.push(checkChain(text, allowRounding));
  }
  return verdicts;
}
