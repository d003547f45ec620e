/**
 * A number in e-notation inside an expression (`1E-50*x`, `1.6e-19 V`, `3E8 + c`), rewritten as a
 * power of ten the fast parser reads exactly: `(1\cdot10^{-50})*x`. compute-engine, which read such
 * expressions before, chops values below its tolerance (1e-10) to 0: `1E-50*x` against `2E-50*x`
 * was "identical expressions" and `1E-50*cos(x)` against `1E-50*sin(x)` "both are 0 at every point"
 * (Doenet/math-expressions' nonequivalence spec, graders' round 10).
 *
 * Only a literal not glued to a letter, digit or command before it (`x2e-5`, `\mathrm{1E}`), with at
 * most four exponent digits (longer ones are refused upstream). A name right after the exponent is
 * a factor, `6.674e-11m` is 6.674e-11 times m, as compute-engine read it before (at the wrong
 * value): left to it, `1E-50x` against `10^{-50}x` was refused (a red team of stop 38).
 */
const E_NOTATION_LITERAL = /(?<![\w.\\])(\d+(?:\.\d+)?)[eE]([-+]?)(\d{1,4})(?![\d.])/g;

/** Whether the text may hold such a literal: a digit right before an `e` or `E` (a cheap test first). */
function mayHoldENotation(latex: string): boolean {
  for (const letter of ['e', 'E']) {
    for (let at = latex.indexOf(letter, 1); at >= 0; at = latex.indexOf(letter, at + 1)) {
      const before = latex.charCodeAt(at - 1);
      if (before >= 48 && before <= 57) return true;
    }
  }
  return false;
}

/** The text with each e-notation literal as `(M\cdot10^{X})`, or the text itself when it has none. */
export function eNotationAsPowers(latex: string): string {
  if (!mayHoldENotation(latex)) return latex;
  return latex.replace(
    E_NOTATION_LITERAL,
    (_literal, mantissa: string, sign: string, exponent: string) =>
      `(${mantissa}\\cdot10^{${sign === '-' ? '-' : ''}${exponent}})`,
  );
}
