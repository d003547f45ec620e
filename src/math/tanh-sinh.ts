import * as C from './complex.js';

/**
 * Tanh-sinh (double exponential) quadrature, for a finite integral whose integrand is singular or
 * not smooth at an end: `\int_0^1 \sqrt{1-x^2}\,dx` (π/4), `\int_0^1 \ln x\,dx` (-1),
 * `\int_0^1 \frac{dx}{\sqrt{x}}` (2). Composite Gauss-Legendre (evaluate.ts) converges slowly there,
 * so its two panel counts disagree and the integral was not trusted. The substitution
 * x = (a+b)/2 + (b-a)/2 tanh(π/2 sinh u) makes the integrand decay double-exponentially at both
 * ends, and the trapezoidal rule in u converges fast for such integrands (Takahasi and Mori 1974;
 * Bailey, Jeyabalan and Li, "A comparison of three high-precision quadrature schemes", 2005).
 *
 * Read only when Gauss-Legendre does not settle. Trusted when the steps h = 1/32 and 1/64 agree to
 * 1e-10 and the outermost terms are negligible (1e-12 of the value): a divergent integral
 * (`\int_0^1 \frac{dx}{x}`) keeps large terms at the ends of the truncated range and is refused
 * (undefined), as is any non-finite value inside, and so is an inverse square root at an end
 * (`\frac{1}{\sqrt{x}}`: x rounds to the end before its terms vanish, the sum would be off by
 * about 1e-8). Bounded work: 449 integrand evaluations.
 */

/** |u| range of the trapezoidal sum: beyond it the weights are below 1e-20 for any finite integrand. */
const U_MAX = 3.5;
const AGREEMENT = 1e-10;
const END_TERM = 1e-12;

/** The integral of `f` over [lower, upper] (lower < upper, finite), or undefined when not trusted. */
export function tanhSinhIntegral(
  f: (x: number) => C.Complex,
  lower: number,
  upper: number,
): C.Complex | undefined {
  if (!Number.isFinite(lower) || !Number.isFinite(upper) || !(lower < upper)) return undefined;
  const coarse = trapezoid(f, lower, upper, 32);
  if (coarse === undefined) return undefined;
  const fine = trapezoid(f, lower, upper, 64, coarse.sum, 32);
  if (fine === undefined) return undefined;
  if (!C.isClose(coarse.value, fine.value, AGREEMENT, AGREEMENT)) return undefined;
  return fine.value;
}

interface Trapezoid {
  /** Σ of terms (not yet times h), reusable by the next level. */
  sum: C.Complex;
  value: C.Complex;
}

/**
 * The trapezoidal sum with step 1/steps. Given the previous level's sum (step 2/steps), only the
 * odd points are new.
 */
function trapezoid(
  f: (x: number) => C.Complex,
  lower: number,
  upper: number,
  steps: number,
  previous?: C.Complex,
  previousSteps?: number,
): Trapezoid | undefined {
  const half = (upper - lower) / 2;
  const count = Math.ceil(U_MAX * steps);
  const reuse = previous !== undefined && previousSteps !== undefined && previousSteps * 2 === steps;
  let sum = reuse ? previous : C.complex(0);
  // The outermost evaluated term on each side (points that round onto an end are skipped, so the
  // last term before them must already be negligible).
  let lowEnd: number | undefined;
  let highEnd = 0;
  for (let k = -count; k <= count; k++) {
    if (reuse && k % 2 === 0) continue;
    const u = k / steps;
    const s = (Math.PI / 2) * Math.sinh(u);
    if (Math.abs(s) > 350) continue;
    // Distance from the nearer end, computed without cancellation: 1 - tanh|s| = 2 / (e^{2|s|} + 1).
    const gap = (2 / (Math.exp(2 * Math.abs(s)) + 1)) * half;
    const x = s >= 0 ? upper - gap : lower + gap;
    if (!(x > lower && x < upper)) continue;
    const weight = (half * (Math.PI / 2) * Math.cosh(u)) / Math.cosh(s) ** 2;
    const value = f(x);
    if (!Number.isFinite(value.re) || !Number.isFinite(value.im)) return undefined;
    const term = C.multiply(value, C.complex(weight));
    const size = Math.hypot(term.re, term.im);
    if (u < 0) lowEnd ??= size;
    else highEnd = size;
    sum = C.add(sum, term);
  }
  const value = C.multiply(sum, C.complex(1 / steps));
  const endTerm = Math.max(lowEnd ?? 0, highEnd);
  if (endTerm > END_TERM * Math.max(1, Math.hypot(value.re, value.im))) return undefined;
  return { sum, value };
}
