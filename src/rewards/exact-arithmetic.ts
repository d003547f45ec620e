/** An exact rational number n/d with d > 0 and gcd(n, d) = 1. */
export interface Rational {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  const sign = d < 0n ? -1n : 1n;
  const divisor = gcd(n, d) || 1n;
  return { n: (sign * n) / divisor, d: (sign * d) / divisor };
}

const add = (a: Rational, b: Rational) => rational(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Rational, b: Rational) => rational(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Rational, b: Rational) => rational(a.n * b.n, a.d * b.d);
const div = (a: Rational, b: Rational) => rational(a.n * b.d, a.d * b.n);

function power(base: Rational, exponent: Rational): Rational {
  if (exponent.d !== 1n) throw new RangeError('only whole-number exponents are exact');
  const e = exponent.n < 0n ? -exponent.n : exponent.n;
  if (e > 64n) throw new RangeError('exponent too large');
  const raised = rational(base.n ** e, base.d ** e);
  return exponent.n < 0n ? div(rational(1n), raised) : raised;
}

export function equal(a: Rational, b: Rational): boolean {
  return a.n === b.n && a.d === b.d;
}

/** |a - b| <= halfUnit where halfUnit = 0.5 * 10^-decimals: b is a correct rounding of a. */
export function roundsTo(a: Rational, b: Rational, decimals: number): boolean {
  const difference = sub(a, b);
  const absolute = difference.n < 0n ? -difference.n : difference.n;
  return absolute * 2n * 10n ** BigInt(decimals) <= difference.d;
}

/** Parses a decimal literal such as 1,234.50 exactly. */
export function parseDecimal(text: string): Rational {
  const clean = text.replace(/,/g, '');
  const [whole = '0', fraction = ''] = clean.split('.');
  return rational(BigInt((whole === '' ? '0' : whole) + fraction), 10n ** BigInt(fraction.length));
}

type Token = { kind: 'number'; value: Rational; text: string } | { kind: 'op'; value: string };

const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|^\.\d+/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let rest = text.replace(/[$€£]/g, '');
  while (rest.length > 0) {
    const space = /^\s+/.exec(rest);
    if (space !== null) {
      rest = rest.slice(space[0].length);
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number !== null) {
      tokens.push({ kind: 'number', value: parseDecimal(number[0]), text: number[0] });
      rest = rest.slice(number[0].length);
      continue;
    }
    const char = rest[0] as string;
    const op =
      char === '×' || char === '·' ? '*' : char === '÷' ? '/' : char === '−' || char === '–' ? '-' : char;
    if (!'+-*/^()%'.includes(op)) throw new SyntaxError(`unexpected '${char}'`);
    tokens.push({ kind: 'op', value: op });
    rest = rest.slice(1);
  }
  return tokens;
}

/**
 * Evaluates an arithmetic expression exactly (rationals over BigInt): numbers with optional
 * thousands separators and decimals, + - * / ^ (whole exponents), parentheses, unary minus,
 * postfix % (divides by 100), currency signs ignored. Throws SyntaxError or RangeError.
 */
export function evaluateExact(text: string): Rational {
  const tokens = tokenize(text);
  let position = 0;
  const peek = () => tokens[position];
  const isOp = (value: string) => {
    const token = peek();
    return token?.kind === 'op' && token.value === value;
  };
  const expression = (): Rational => {
    let value = term();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[position++] as { value: string }).value;
      value = op === '+' ? add(value, term()) : sub(value, term());
    }
    return value;
  };
  const term = (): Rational => {
    let value = unary();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[position++] as { value: string }).value;
      value = op === '*' ? mul(value, unary()) : div(value, unary());
    }
    return value;
  };
  const unary = (): Rational => {
    if (isOp('-')) {
      position++;
      return mul(rational(-1n), unary());
    }
    if (isOp('+')) {
      position++;
      return unary();
    }
    return exponent();
  };
  const exponent = (): Rational => {
    const base = postfix();
    if (isOp('^')) {
      position++;
      return power(base, unary());
    }
    return base;
  };
  const postfix = (): Rational => {
    let value = primary();
    while (isOp('%')) {
      position++;
      value = div(value, rational(100n));
    }
    return value;
  };
  const primary = (): Rational => {
    const token = tokens[position++];
    if (token === undefined) throw new SyntaxError('unexpected end');
    if (token.kind === 'number') return token.value;
    if (token.value === '(') {
      const value = expression();
      if (!isOp(')')) throw new SyntaxError("missing ')'");
      position++;
      return value;
    }
    throw new SyntaxError(`unexpected '${token.value}'`);
  };
  const value = expression();
  if (position !== tokens.length) throw new SyntaxError('trailing input');
  return value;
}

/** Decimal places of a plain number literal (`9.50` -> 2), or undefined when it is not one. */
export function literalDecimals(text: string): number | undefined {
  const match = /^\s*[$€£]?\s*-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*$/.exec(text);
  return match === null ? undefined : (match[1]?.length ?? 0);
}
