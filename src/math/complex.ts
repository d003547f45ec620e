/** Minimal complex arithmetic for the numeric second opinion (answers like `1 + 2i`, `\sqrt{-4}`). */
export interface Complex {
  re: number;
  im: number;
}

export const complex = (re: number, im = 0): Complex => ({ re, im });
export const NOT_A_NUMBER: Complex = { re: Number.NaN, im: Number.NaN };

export const add = (left: Complex, right: Complex): Complex =>
  complex(left.re + right.re, left.im + right.im);
export const subtract = (left: Complex, right: Complex): Complex =>
  complex(left.re - right.re, left.im - right.im);
export const negate = (value: Complex): Complex => complex(-value.re, -value.im);

export function multiply(left: Complex, right: Complex): Complex {
  if (left.im === 0 && right.im === 0) return complex(left.re * right.re);
  return complex(left.re * right.re - left.im * right.im, left.re * right.im + left.im * right.re);
}

export function divide(left: Complex, right: Complex): Complex {
  if (left.im === 0 && right.im === 0) return right.re === 0 ? NOT_A_NUMBER : complex(left.re / right.re);
  const denominator = right.re * right.re + right.im * right.im;
  if (denominator === 0) return NOT_A_NUMBER;
  return complex(
    (left.re * right.re + left.im * right.im) / denominator,
    (left.im * right.re - left.re * right.im) / denominator,
  );
}

export const magnitude = (value: Complex): number => Math.hypot(value.re, value.im);

export function exp(value: Complex): Complex {
  const scale = Math.exp(value.re);
  return value.im === 0 ? complex(scale) : complex(scale * Math.cos(value.im), scale * Math.sin(value.im));
}

export function log(value: Complex): Complex {
  if (value.im === 0 && value.re > 0) return complex(Math.log(value.re));
  if (value.re === 0 && value.im === 0) return NOT_A_NUMBER;
  // `+ 0` turns -0 into 0: log(-1) is i*pi (the principal branch), not -i*pi.
  return complex(Math.log(magnitude(value)), Math.atan2(value.im + 0, value.re));
}

export function sqrt(value: Complex): Complex {
  if (value.im === 0) return value.re >= 0 ? complex(Math.sqrt(value.re)) : complex(0, Math.sqrt(-value.re));
  const modulus = magnitude(value);
  const re = Math.sqrt((modulus + value.re) / 2);
  const im = Math.sign(value.im) * Math.sqrt((modulus - value.re) / 2);
  return complex(re, im);
}

export function power(base: Complex, exponent: Complex): Complex {
  if (exponent.im === 0 && Number.isInteger(exponent.re) && Math.abs(exponent.re) <= 64) {
    let result = complex(1);
    for (let count = 0; count < Math.abs(exponent.re); count++) result = multiply(result, base);
    return exponent.re < 0 ? divide(complex(1), result) : result;
  }
  if (base.im === 0 && exponent.im === 0 && base.re >= 0) return complex(base.re ** exponent.re);
  if (base.im === 0 && exponent.im === 0 && base.re < 0) {
    // A real odd root of a negative number stays real: (-8)^(1/3) = -2, as people mean it.
    const reciprocal = 1 / exponent.re;
    if (Number.isInteger(Math.round(reciprocal)) && Math.abs(reciprocal - Math.round(reciprocal)) < 1e-12) {
      const root = Math.round(reciprocal);
      if (root % 2 !== 0) return complex(-((-base.re) ** exponent.re));
    }
  }
  if (base.re === 0 && base.im === 0) return exponent.re > 0 ? complex(0) : NOT_A_NUMBER;
  return exp(multiply(exponent, log(base)));
}

export function isFiniteComplex(value: Complex): boolean {
  return Number.isFinite(value.re) && Number.isFinite(value.im);
}

/**
 * |gold - pred| <= max(absolute, relative * max(|gold|, |pred|)); equal infinities are close.
 */
export function isClose(gold: Complex, pred: Complex, relative: number, absolute: number): boolean {
  if (!isFiniteComplex(gold) || !isFiniteComplex(pred)) {
    return gold.re === pred.re && gold.im === pred.im && !Number.isNaN(gold.re);
  }
  const difference = magnitude(subtract(gold, pred));
  return difference <= Math.max(absolute, relative * Math.max(magnitude(gold), magnitude(pred)));
}

export function sin(value: Complex): Complex {
  if (value.im === 0) return complex(Math.sin(value.re));
  return complex(Math.sin(value.re) * Math.cosh(value.im), Math.cos(value.re) * Math.sinh(value.im));
}

export function cos(value: Complex): Complex {
  if (value.im === 0) return complex(Math.cos(value.re));
  return complex(Math.cos(value.re) * Math.cosh(value.im), -Math.sin(value.re) * Math.sinh(value.im));
}

/**
 * `a + bi` for reasons, both parts shown; a part under 1e-12 of `scale` (the value's own larger part,
 * or the larger of two values compared) is floating noise, printed as 0: `sin(pi)` against 3 is 0,
 * and `4.65e-34` keeps its digits.
 */
export function formatComplex(value: Complex, scale = magnitudeOf(value)): string {
  // An infinite scale (a value compared against infinity) leaves the value its own.
  const noise = 1e-12 * (Number.isFinite(scale) ? scale : magnitudeOf(value));
  const clean = (part: number) => (Math.abs(part) < noise ? 0 : part);
  const re = clean(value.re);
  const im = clean(value.im);
  if (im === 0) return String(re);
  return `${re} ${im < 0 ? '-' : '+'} ${Math.abs(im)}i`;
}

/** The larger of a complex value's two parts, in absolute value. */
export function magnitudeOf(value: Complex): number {
  return Math.max(Math.abs(value.re), Math.abs(value.im));
}
