import type { EquationVerdict } from './equation-check.js';

/** The step speaks of division with remainder or counts multiples: its `a ÷ b = q` states a whole quotient. */
const EUCLIDEAN_CONTEXT = /\bremainders?\b|\bmultiples?\b|\bquotients?\b|\binteger division\b|\bR\s*\d/i;
/** `a ÷ b = q`, `a / b = q`, `a \div b = q` with whole numbers (as the checker quotes it). */
const DIVISION_CLAIM =
  /^\s*\(?\s*(\d[\d,]*)\s*\)?\s*(?:÷|\/|\\div)\s*\(?\s*(\d[\d,]*)\s*\)?\s*=\s*\(?\s*(\d[\d,]*)\s*\)?\s*[.,]?\s*$/;

const whole = (text: string) => BigInt(text.replace(/,/g, ''));

/** The remainder the step states right after the claim (`... = 3 with a remainder of 3`), if any. */
function statedRemainder(step: string, claim: string): bigint | undefined {
  const written = claim.trim().replace(/[.,]$/, '');
  const at = step.indexOf(written);
  if (at < 0) return undefined;
  const after = step.slice(at + written.length, at + written.length + 80);
  const match = /^[^.;\n]*?\bremainder\s*(?:of|is|=)?\s*\$?\s*(\d[\d,]*)(?![\d,])(?!\s*[-+*/×÷])/i.exec(
    after,
  );
  return match === null ? undefined : whole(match[1] as string);
}

/**
 * Euclidean division as a human grader reads it: in a step about division with remainder
 * (`I get $100 \div 60 = 1$ with a remainder of $40$`, `166 ÷ 6 = 27 with a remainder of 4`, the
 * Euclidean algorithm), `a ÷ b = q` with whole numbers states the quotient: it holds when
 * q = ⌊a / b⌋, and when the step states the remainder r right after it, when also a = b·q + r with
 * 0 <= r < b. A division that comes out whole keeps its verdict; one that does not is judged
 * this way whatever the plain reading said (`166 ÷ 6 = 28` is no rounding here, but a wrong quotient).
 */
export function judgeDivisionWithRemainder(step: string, verdicts: EquationVerdict[]): EquationVerdict[] {
  if (!EUCLIDEAN_CONTEXT.test(step)) return verdicts;
  return verdicts.map((verdict) => {
    if (verdict.verdict !== 'wrong' && verdict.verdict !== 'correct') return verdict;
    const match = DIVISION_CLAIM.exec(verdict.text);
    if (match === null) return verdict;
    const [dividend, divisor, quotient] = [match[1], match[2], match[3]].map((text) =>
      whole(text as string),
    ) as [bigint, bigint, bigint];
    if (divisor === 0n || dividend % divisor === 0n) return verdict;
    const remainder = statedRemainder(step, verdict.text);
    const rightQuotient = dividend / divisor === quotient;
    const rightRemainder = remainder === undefined || dividend === divisor * quotient + remainder;
    if (rightQuotient && rightRemainder) {
      return {
        ...verdict,
        verdict: 'correct',
        reason: `the quotient of ${dividend} ÷ ${divisor} with remainder ${dividend % divisor}`,
      };
    }
    return {
      ...verdict,
      verdict: 'wrong',
      reason: `${dividend} ÷ ${divisor} is ${dividend / divisor} remainder ${dividend % divisor}${
        remainder === undefined ? '' : `, not ${quotient} remainder ${remainder}`
      }`,
    };
  });
}
