import type { MathJson } from './value.js';

/**
 * A small, fast parser for the LaTeX most answers use (numbers, one-letter variables, + - * / ^,
 * `\frac`, `\sqrt`, `\pi`, `\cdot`, `\times`, trigonometric and log functions, factorials,
 * implicit products). It returns MathJSON in compute-engine's vocabulary, or undefined for
 * anything else, in which case compute-engine parses the answer (about 50x slower).
 */

type Token =
  | { type: 'number'; value: number }
  | { type: 'letter'; value: string }
  | { type: 'command'; value: string }
  | { type: 'symbol'; value: string };

const MAX_TOKENS = 200;
const MAX_DEPTH = 40;

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    if (char === ' ') {
      index++;
      continue;
    }
    if (/[0-9.]/.test(char)) {
      const match = /^\d*\.?\d+|^\d+\.?/.exec(text.slice(index, index + 40));
      if (match === null) return undefined;
      tokens.push({ type: 'number', value: Number(match[0]) });
      index += match[0].length;
    } else if (/[A-Za-z]/.test(char)) {
      tokens.push({ type: 'letter', value: char });
      index++;
    } else if (char === '\\') {
      const match = /^\\[A-Za-z]+/.exec(text.slice(index, index + 20));
      if (match === null) return undefined;
      tokens.push({ type: 'command', value: match[0].slice(1) });
      index += match[0].length;
    } else if ('+-*/^(){}!'.includes(char)) {
      tokens.push({ type: 'symbol', value: char });
      index++;
    } else {
      return undefined;
    }
    if (tokens.length > MAX_TOKENS) return undefined;
  }
  return tokens;
}

const FUNCTIONS: Record<string, string> = {
  sin: 'Sin',
  cos: 'Cos',
  tan: 'Tan',
  cot: 'Cot',
  sec: 'Sec',
  csc: 'Csc',
  arcsin: 'Arcsin',
  arccos: 'Arccos',
  arctan: 'Arctan',
  sinh: 'Sinh',
  cosh: 'Cosh',
  tanh: 'Tanh',
  ln: 'Ln',
  exp: 'Exp',
};

class Failure extends Error {}

class Parser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): MathJson {
    const result = this.expression();
    if (this.position !== this.tokens.length) throw new Failure('trailing tokens');
    return result;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private isSymbol(value: string): boolean {
    const token = this.peek();
    return token?.type === 'symbol' && token.value === value;
  }

  private isCommand(...values: string[]): boolean {
    const token = this.peek();
    return token?.type === 'command' && values.includes(token.value);
  }

  private expect(value: string): void {
    if (!this.isSymbol(value)) throw new Failure(`expected ${value}`);
    this.position++;
  }

  private enter(): void {
    this.depth++;
    if (this.depth > MAX_DEPTH) throw new Failure('too deep');
  }

  private expression(): MathJson {
    this.enter();
    let left = this.term();
    while (this.isSymbol('+') || this.isSymbol('-')) {
      const operator = (this.tokens[this.position++] as Token & { value: string }).value;
      const right = this.term();
      left = operator === '+' ? ['Add', left, right] : ['Subtract', left, right];
    }
    this.depth--;
    return left;
  }

  private startsFactor(): boolean {
    const token = this.peek();
    if (token === undefined) return false;
    if (token.type === 'number' || token.type === 'letter') return true;
    if (token.type === 'symbol') return token.value === '(' || token.value === '{';
    return (
      token.value === 'frac' ||
      token.value === 'sqrt' ||
      token.value === 'pi' ||
      token.value in FUNCTIONS ||
      token.value === 'log'
    );
  }

  private term(): MathJson {
    let left = this.unary();
    for (;;) {
      if (this.isSymbol('*') || this.isCommand('cdot', 'times')) {
        this.position++;
        left = ['Multiply', left, this.unary()];
      } else if (this.isSymbol('/') || this.isCommand('div')) {
        this.position++;
        left = ['Divide', left, this.unary()];
      } else if (this.startsFactor()) {
        left = ['Multiply', left, this.power()];
      } else {
        return left;
      }
    }
  }

  private unary(): MathJson {
    if (this.isSymbol('-')) {
      this.position++;
      return ['Negate', this.unary()];
    }
    if (this.isSymbol('+')) {
      this.position++;
      return this.unary();
    }
    return this.power();
  }

  private power(): MathJson {
    const base = this.postfix();
    if (!this.isSymbol('^')) return base;
    this.position++;
    return ['Power', base, this.exponent()];
  }

  /** `^2`, `^{...}`, `^x`: one token or a braced group. */
  private exponent(): MathJson {
    if (this.isSymbol('{')) return this.group();
    if (this.isSymbol('-')) {
      this.position++;
      return ['Negate', this.exponent()];
    }
    const token = this.tokens[this.position++];
    if (token?.type === 'number') {
      // `^23` in LaTeX is `^2` followed by 3; only single digits are safe here.
      if (!Number.isInteger(token.value) || token.value > 9) throw new Failure('multi-digit exponent');
      return token.value;
    }
    if (token?.type === 'letter') return token.value;
    if (token?.type === 'command' && token.value === 'pi') return 'Pi';
    throw new Failure('exponent');
  }

  private postfix(): MathJson {
    let value = this.primary();
    while (this.isSymbol('!')) {
      this.position++;
      value = ['Factorial', value];
    }
    return value;
  }

  private group(): MathJson {
    this.expect('{');
    const inner = this.expression();
    this.expect('}');
    return inner;
  }

  private primary(): MathJson {
    const token = this.tokens[this.position++];
    if (token === undefined) throw new Failure('unexpected end');
    if (token.type === 'number') return token.value;
    if (token.type === 'letter') return token.value;
    if (token.type === 'symbol') {
      if (token.value === '(') {
        const inner = this.expression();
        this.expect(')');
        return inner;
      }
      if (token.value === '{') {
        this.position--;
        return this.group();
      }
      throw new Failure(`unexpected ${token.value}`);
    }
    switch (token.value) {
      case 'pi':
        return 'Pi';
      case 'frac':
        return ['Divide', this.argument(), this.argument()];
      case 'sqrt':
        return ['Sqrt', this.argument()];
      case 'log': {
        if (this.isSymbol('^')) throw new Failure('log power');
        return ['Log', this.functionArgument()];
      }
      default: {
        const head = FUNCTIONS[token.value];
        if (head === undefined) throw new Failure(`command ${token.value}`);
        if (this.isSymbol('^')) {
          // `\sin^2 x` is (sin x)^2; `\sin^{-1}` is left to compute-engine.
          this.position++;
          const exponent = this.exponent();
          if (typeof exponent !== 'number') throw new Failure('function power');
          return ['Power', [head, this.functionArgument()], exponent];
        }
        return [head, this.functionArgument()];
      }
    }
  }

  /** A `\frac`/`\sqrt` argument: a braced group or a single token (`\frac12`). */
  private argument(): MathJson {
    if (this.isSymbol('{')) return this.group();
    const token = this.tokens[this.position++];
    if (token?.type === 'number' && /^\d+$/.test(String(token.value))) {
      // `\frac12`: a bare argument is one digit; the rest of the digits stay for what follows.
      const digits = String(token.value);
      if (digits.length > 1) {
        this.position--;
        this.tokens[this.position] = { type: 'number', value: Number(digits.slice(1)) };
      }
      return Number(digits[0]);
    }
    if (token?.type === 'letter') return token.value;
    throw new Failure('argument');
  }

  /** `\sin(x)`, `\sin{x}`, or `\sin 2x` (numbers and letters up to the next operator). */
  private functionArgument(): MathJson {
    if (this.isSymbol('(')) {
      this.position++;
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (this.isSymbol('{')) return this.group();
    const factors: MathJson[] = [];
    for (let token = this.peek(); token?.type === 'number' || token?.type === 'letter'; token = this.peek()) {
      this.position++;
      factors.push(token.value);
    }
    if (factors.length === 0) throw new Failure('function argument');
    return factors.length === 1 ? (factors[0] as MathJson) : ['Multiply', ...factors];
  }
}

/** MathJSON for the common subset, or undefined (the caller then uses compute-engine). */
export function parseLatexFast(latex: string): MathJson | undefined {
  const tokens = tokenize(latex);
  if (tokens === undefined || tokens.length === 0) return undefined;
  try {
    return new Parser(tokens).parse();
  } catch (error) {
    if (error instanceof Failure) return undefined;
    throw error;
  }
}
