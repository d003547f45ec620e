import {
  addRational,
  divideRational,
  multiplyRational,
  negateRational,
  type Rational,
  rational,
  rationalEquals,
} from '../math/rational.js';

export { type Rational, rational } from '../math/rational.js';

const add = addRational;
const sub = (a: Rational, b: Rational) => addRational(a, negateRational(b));
const mul = multiplyRational;
function div(a: Rational, b: Rational): Rational {
  const quotient = divideRational(a, b);
  if (quotient === undefined) throw new RangeError('division by zero');
  return quotient;
}

function power(base: Rational, exponent: Rational): Rational {
  if (exponent.denominator !== 1n) throw new RangeError('only whole-number exponents are exact');
  const e = exponent.numerator < 0n ? -exponent.numerator : exponent.numerator;
  if (e > 64n) throw new RangeError('exponent too large');
  const raised = rational(base.numerator ** e, base.denominator ** e);
  return exponent.numerator < 0n ? div(rational(1n), raised) : raised;
}

export const equal = rationalEquals;

/** |a - b| <= halfUnit where halfUnit = 0.5 * 10^-decimals: b is a correct rounding of a. */
export function roundsTo(a: Rational, b: Rational, decimals: number): boolean {
  const difference = sub(a, b);
  const absolute = difference.numerator < 0n ? -difference.numerator : difference.numerator;
  return absolute * 2n * 10n ** BigInt(decimals) <= difference.denominator;
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
