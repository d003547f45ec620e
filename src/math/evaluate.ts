import * as C from './complex.js';
import type { MathJson } from './value.js';

type Complex = C.Complex;

/** Thrown when an expression holds something the evaluator does not know (a function, a set ...). */
export class NotEvaluable extends Error {}

const CONSTANTS: Record<string, Complex> = {
  Pi: C.complex(Math.PI),
  pi: C.complex(Math.PI),
  ExponentialE: C.complex(Math.E),
  e: C.complex(Math.E),
  ImaginaryUnit: C.complex(0, 1),
  i: C.complex(0, 1),
  PositiveInfinity: C.complex(Number.POSITIVE_INFINITY),
  NegativeInfinity: C.complex(Number.NEGATIVE_INFINITY),
  Half: C.complex(0.5),
};

/** Heads whose subtree names one variable (`x_1` parses as ["At", "x", 1] or ["Subscript", ...]). */
const VARIABLE_HEADS = new Set(['At', 'Subscript']);

/** The key of a variable node, or undefined when the node is not a variable. */
export function variableKey(json: MathJson): string | undefined {
  if (typeof json === 'string') {
    if (json.startsWith("'") || json in CONSTANTS) return undefined;
    return json;
  }
  if (Array.isArray(json) && typeof json[0] === 'string' && VARIABLE_HEADS.has(json[0]))
    return JSON.stringify(json);
  if (typeof json === 'object' && !Array.isArray(json) && 'sym' in json) return variableKey(json.sym);
  return undefined;
}

/** Free variables of an expression (constants such as pi, e and i excluded). */
export function freeVariables(json: MathJson, into: Set<string> = new Set()): Set<string> {
  const key = variableKey(json);
  if (key !== undefined) into.add(key);
  else if (Array.isArray(json)) {
    // `["Apply", ["InverseFunction", "Tan"], x]`: the function is not a variable.
    const first = json[0] === 'Apply' ? 2 : 1;
    for (let index = first; index < json.length; index++) freeVariables(json[index] as MathJson, into);
  }
  return into;
}

function factorial(value: number): number {
  if (!Number.isInteger(value) || value < 0) return Number.NaN;
  if (value > 170) return Number.POSITIVE_INFINITY;
  let result = 1;
  for (let factor = 2; factor <= value; factor++) result *= factor;
  return result;
}

function binomial(n: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || n < 0 || k > n) return Number.NaN;
  const smaller = Math.min(k, n - k);
  if (smaller > 1000) return Number.POSITIVE_INFINITY;
  let result = 1;
  for (let index = 1; index <= smaller; index++) result = (result * (n - smaller + index)) / index;
  return Math.round(result);
}

function realOnly(value: Complex, operation: (re: number) => number): Complex {
  if (Math.abs(value.im) > 1e-12 * Math.max(1, Math.abs(value.re)))
    throw new NotEvaluable('complex argument');
  return C.complex(operation(value.re));
}

function trig(head: string, value: Complex): Complex | undefined {
  switch (head) {
    case 'Sin':
      return C.sin(value);
    case 'Cos':
      return C.cos(value);
    case 'Tan':
      return C.divide(C.sin(value), C.cos(value));
    case 'Cot':
      return C.divide(C.cos(value), C.sin(value));
    case 'Sec':
      return C.divide(C.complex(1), C.cos(value));
    case 'Csc':
      return C.divide(C.complex(1), C.sin(value));
    case 'Arcsin':
      return realOnly(value, Math.asin);
    case 'Arccos':
      return realOnly(value, Math.acos);
    case 'Arctan':
      return realOnly(value, Math.atan);
    case 'Arccot':
      return realOnly(value, (re) => Math.atan(1 / re));
    case 'Arcsec':
      return realOnly(value, (re) => Math.acos(1 / re));
    case 'Arccsc':
      return realOnly(value, (re) => Math.asin(1 / re));
    case 'Sinh':
      return realOnly(value, Math.sinh);
    case 'Cosh':
      return realOnly(value, Math.cosh);
    case 'Tanh':
      return realOnly(value, Math.tanh);
    default:
      return undefined;
  }
}

const INVERSE: Record<string, string> = {
  Sin: 'Arcsin',
  Cos: 'Arccos',
  Tan: 'Arctan',
  Cot: 'Arccot',
  Sec: 'Arcsec',
  Csc: 'Arccsc',
};

const MAX_DEPTH = 200;

/**
 * Evaluates MathJSON (raw, non-canonical compute-engine output) to a complex number with the
 * given variable values. Undefined points give NaN; unknown constructs throw NotEvaluable.
 */
export function evaluate(json: MathJson, variables: ReadonlyMap<string, number>, depth = 0): Complex {
  if (depth > MAX_DEPTH) throw new NotEvaluable('too deep');
  if (typeof json === 'number') return C.complex(json);
  if (typeof json === 'string') {
    const constant = CONSTANTS[json];
    if (constant !== undefined) return constant;
    const value = variables.get(json);
    if (value === undefined) throw new NotEvaluable(`unknown symbol ${json}`);
    return C.complex(value);
  }
  if (!Array.isArray(json)) {
    if ('num' in json)
      return C.complex(Number.parseFloat(json.num.replace(/\.\.\.$/, '').replace(/[()]/g, '')));
    if ('sym' in json) return evaluate(json.sym, variables, depth + 1);
    throw new NotEvaluable('string');
  }
  const head = json[0];
  if (typeof head !== 'string') throw new NotEvaluable('compound head');
  const key = variableKey(json);
  if (key !== undefined) {
    const value = variables.get(key);
    if (value === undefined) throw new NotEvaluable(`unknown symbol ${key}`);
    return C.complex(value);
  }
  if (head === 'Apply' && Array.isArray(json[1]) && json[1][0] === 'InverseFunction') {
    const inverse = INVERSE[String(json[1][1])];
    if (inverse === undefined || json.length !== 3) throw new NotEvaluable('inverse');
    return evaluate([inverse, json[2] as MathJson], variables, depth + 1);
  }
  const values: Complex[] = [];
  for (let index = 1; index < json.length; index++)
    values.push(evaluate(json[index] as MathJson, variables, depth + 1));
  return applyHead(head, values);
}

function argument(values: readonly Complex[], index: number): Complex {
  const value = values[index];
  if (value === undefined) throw new NotEvaluable('missing argument');
  return value;
}

function real(values: readonly Complex[], index: number): number {
  return realOnly(argument(values, index), identity).re;
}

function identity(re: number): number {
  return re;
}

function applyHead(head: string, values: Complex[]): Complex {
  switch (head) {
    case 'Add':
      return values.reduce(C.add, C.complex(0));
    case 'Subtract':
      return values.length === 1 ? C.negate(argument(values, 0)) : values.reduce(C.subtract);
    case 'Negate':
      return C.negate(argument(values, 0));
    case 'Multiply':
    case 'InvisibleOperator':
      return values.reduce(C.multiply, C.complex(1));
    case 'Divide':
    case 'Rational':
      return C.divide(argument(values, 0), argument(values, 1));
    case 'Power':
      return C.power(argument(values, 0), argument(values, 1));
    case 'Square':
      return C.multiply(argument(values, 0), argument(values, 0));
    case 'Sqrt':
      return C.sqrt(argument(values, 0));
    case 'Root':
      return C.power(argument(values, 0), C.divide(C.complex(1), argument(values, 1)));
    case 'Exp':
      return C.exp(argument(values, 0));
    case 'Ln':
      return C.log(argument(values, 0));
    case 'Log':
      return C.divide(
        C.log(argument(values, 0)),
        values.length > 1 ? C.log(argument(values, 1)) : C.complex(Math.LN10),
      );
    case 'Lb':
      return C.divide(C.log(argument(values, 0)), C.complex(Math.LN2));
    case 'Lg':
      return C.divide(C.log(argument(values, 0)), C.complex(Math.LN10));
    case 'Abs':
      return C.complex(C.magnitude(argument(values, 0)));
    case 'Floor':
      return C.complex(Math.floor(real(values, 0)));
    case 'Ceil':
    case 'Ceiling':
      return C.complex(Math.ceil(real(values, 0)));
    case 'Factorial':
      return C.complex(factorial(real(values, 0)));
    case 'Binomial':
    case 'Choose':
      return C.complex(binomial(real(values, 0), real(values, 1)));
    case 'Max':
      return C.complex(Math.max(...values.map((_, index) => real(values, index))));
    case 'Min':
      return C.complex(Math.min(...values.map((_, index) => real(values, index))));
    case 'Mod': {
      const divisor = real(values, 1);
      return C.complex(((real(values, 0) % divisor) + divisor) % divisor);
    }
    case 'Complex':
      return C.complex(real(values, 0), real(values, 1));
    case 'Delimiter':
    case 'Sequence':
    case 'Hold':
      if (values.length !== 1) throw new NotEvaluable('sequence');
      return argument(values, 0);
    default: {
      if (values.length === 1) {
        const value = trig(head, argument(values, 0));
        if (value !== undefined) return value;
      }
      throw new NotEvaluable(`unknown function ${head}`);
    }
  }
}
