/**
 * The gamma function for real arguments, so that a factorial of a symbol (`n!`, `\binom{n}{2}` =
 * n!/(2!(n-2)!)) can be evaluated at the random non-integer points where expressions are
 * compared: x! = Γ(x + 1), the standard continuation of the factorial (what SymPy and
 * compute-engine evaluate too).
 *
 * Lanczos approximation with g = 7 and the nine coefficients of Numerical Recipes / Godfrey
 * (C. Lanczos, "A Precision Approximation of the Gamma Function", SIAM J. Numer. Anal. B 1, 1964):
 *   Γ(z + 1) = sqrt(2π) (z + g + 1/2)^(z + 1/2) e^-(z + g + 1/2) A_g(z),
 *   A_g(z) = c0 + Σ_{k=1}^{8} c_k / (z + k),
 * accurate to about 15 significant digits for z > 0.5; below, the reflection formula
 *   Γ(z) Γ(1 - z) = π / sin(πz).
 * Poles (0, -1, -2, ...) give NaN: the point is skipped as undefined.
 */
const G = 7;
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function gamma(z: number): number {
  if (!Number.isFinite(z)) return Number.NaN;
  if (z <= 0 && Number.isInteger(z)) return Number.NaN;
  if (z < 0.5) return Math.PI / (Math.sin(Math.PI * z) * gamma(1 - z));
  const x = z - 1;
  let sum = COEFFICIENTS[0] as number;
  for (let k = 1; k < COEFFICIENTS.length; k++) sum += (COEFFICIENTS[k] as number) / (x + k);
  const t = x + G + 0.5;
  return Math.sqrt(2 * Math.PI) * t ** (x + 0.5) * Math.exp(-t) * sum;
}
